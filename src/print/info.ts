/**
 * Pure: rewrites the document information dictionary of a PDF as Chromium (Skia) writes it, without
 * parsing the rest: one classic cross-reference table, every object written out in the open, the
 * information dictionary an object of its own. The new dictionary replaces the old one in place,
 * the offsets after it move by the difference, and nothing of the old one (Chromium's wall-clock
 * dates) stays in the file, so two builds of the same sources stay byte-identical.
 *
 * Written by hand because pdf-lib, the library that can do it in general, parses and re-serialises
 * every object of the file (a fifth of a build's own time); this touches one object and the table.
 * Returns undefined for any file not shaped as expected; the caller then uses pdf-lib.
 */
export interface InfoFields {
  title: string;
  author: string;
  subject?: string;
  keywords: string;
  creator: string;
  producer: string;
  date: Date;
}

export interface RewrittenPdf {
  bytes: Uint8Array;
  pages: number;
  /** The catalog's text, for checks on what Chromium already wrote (language, tags). */
  catalog: string;
}

export function rewriteInfo(raw: Uint8Array, fields: InfoFields): RewrittenPdf | undefined {
  const pdf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const tail = pdf.toString('latin1', Math.max(0, pdf.length - 1024));
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!trailer) return undefined;
  const xrefAt = Number(trailer[2]);
  const infoRef = /\/Info (\d+) 0 R/.exec(trailer[1]!);
  const rootRef = /\/Root (\d+) 0 R/.exec(trailer[1]!);
  if (!infoRef || !rootRef || /\/(Prev|Encrypt|XRefStm)\b/.test(trailer[1]!)) return undefined;
  const table = readTable(pdf, xrefAt);
  if (!table) return undefined;
  const { offsets, entriesAt } = table;
  // Each object ends where the next one in the file starts (the table comes after the last).
  const ends = [...offsets.values()].sort((a, b) => a - b);
  const object = (n: number) => {
    const start = offsets.get(n);
    if (start === undefined) return undefined;
    const end = ends.find((offset) => offset > start) ?? xrefAt;
    return { start, end, text: pdf.toString('latin1', start, end) };
  };
  const info = object(Number(infoRef[1]));
  const catalog = object(Number(rootRef[1]));
  if (!info || !catalog || !info.text.startsWith(`${infoRef[1]} 0 obj`)) return undefined;
  const pages = countPages(catalog.text, object);
  if (pages === undefined) return undefined;
  const replacement = Buffer.from(`${infoRef[1]} 0 obj\n${infoDictionary(fields)}\nendobj\n`, 'latin1');
  const delta = replacement.length - (info.end - info.start);
  const moved = (offset: number) => (offset > info.start ? offset + delta : offset);
  const entries = [...offsets].sort((a, b) => a[0] - b[0]);
  let xref = '';
  for (const [, offset] of entries) xref += `${String(moved(offset)).padStart(10, '0')} 00000 n \n`;
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)?.[1]);
  if (entries.length + 1 !== size) return undefined;
  const rest = `trailer\n<<${trailer[1]}>>\nstartxref\n${xrefAt + delta}\n%%EOF`;
  const bytes = Buffer.concat([
    pdf.subarray(0, info.start),
    replacement,
    pdf.subarray(info.end, xrefAt),
    // The table's header and its free entry for object 0 are unchanged.
    pdf.subarray(xrefAt, entriesAt),
    Buffer.from(xref + rest, 'latin1'),
  ]);
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages, catalog: catalog.text };
}

/** The one section of a classic table Skia writes: `xref`, `0 N`, the free entry, then N-1 in use. */
function readTable(pdf: Buffer, at: number): { offsets: Map<number, number>; entriesAt: number } | undefined {
  const header = /^xref\r?\n0 (\d+)\r?\n0000000000 65535 f\s?\r?\n/.exec(pdf.toString('latin1', at, at + 64));
  if (!header) return undefined;
  const count = Number(header[1]);
  const start = at + header[0].length;
  const text = pdf.toString('latin1', start, start + (count - 1) * 20);
  const offsets = new Map<number, number>();
  for (let n = 1; n < count; n++) {
    const entry = /^(\d{10}) 00000 n[ \r\n]{2}$/.exec(text.slice((n - 1) * 20, n * 20));
    if (!entry) return undefined;
    offsets.set(n, Number(entry[1]));
  }
  return { offsets, entriesAt: start };
}

/** The page count the page tree's root declares. */
function countPages(catalog: string, object: (n: number) => { text: string } | undefined): number | undefined {
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog);
  const root = pagesRef ? object(Number(pagesRef[1])) : undefined;
  const count = root && /\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(root.text);
  return count ? Number(count[1]) : undefined;
}

function infoDictionary(fields: InfoFields): string {
  const date = pdfDate(fields.date);
  const entries: [string, string][] = [
    ['Title', textString(fields.title)],
    ['Author', textString(fields.author)],
    ...(fields.subject ? [['Subject', textString(fields.subject)] as [string, string]] : []),
    ['Keywords', textString(fields.keywords)],
    ['Creator', textString(fields.creator)],
    ['Producer', textString(fields.producer)],
    ['CreationDate', `(${date})`],
    ['ModDate', `(${date})`],
  ];
  return `<<\n${entries.map(([key, value]) => `/${key} ${value}`).join('\n')}\n>>`;
}

/** A PDF text string as UTF-16BE with its byte-order mark, in hex: any language, nothing to escape. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** `D:YYYYMMDDHHmmSSZ`, in UTC. */
function pdfDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
}
