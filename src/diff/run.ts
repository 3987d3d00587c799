import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatById } from '../formats/registry.js';
import type { DocumentReport, OutputEntry } from '../report/types.js';
import { fileIn, type OutputFolder } from '../write/output-folder.js';
import { comparePictures } from './compare.js';
import { pageFingerprints } from './page-fingerprint.js';
import { PdfPages } from './pdf-pages.js';
import type { DiffReport, DocumentDiff, FormatDiff, PageChange } from './types.js';
import { wordChange } from './words.js';

export interface DiffRun {
  base: OutputFolder;
  head: OutputFolder;
  /** Where the report's pictures go (`pages/` inside it); none are written without it. */
  reportDir?: string;
}

/**
 * Compares what two output folders hold, document by document and format by format, page by page,
 * as a reader sees it: every printed format (PDF) whose bytes differ is opened, pages whose drawing
 * is byte for byte the same (see page-fingerprint.ts) are passed over, and the others are drawn and
 * compared pixel by pixel; a page with a visible difference is listed with its words taken out and
 * put in. Documents and formats that one side lacks are listed as added or removed.
 */
export async function diffFolders(run: DiffRun): Promise<DiffReport> {
  const bySource = (docs: readonly DocumentReport[]) => new Map(docs.map((doc) => [doc.source, doc]));
  const base = bySource(run.base.documents);
  const head = bySource(run.head.documents);
  const sources = [...new Set([...base.keys(), ...head.keys()])].sort();
  const documents: DocumentDiff[] = [];
  const counted = { drawn: 0 };
  for (const source of sources) {
    const before = base.get(source);
    const after = head.get(source);
    const doc = (after ?? before)!;
    const status = !before ? 'added' : !after ? 'removed' : 'changed';
    const formats = await diffFormats(run, before, after, doc, counted);
    if (status !== 'changed' || formats.length) documents.push({ source, slug: doc.slug, lang: doc.lang, title: doc.title ?? source, status, formats });
  }
  const pages = documents.flatMap((d) => d.formats).reduce((sum, f) => sum + f.changed.length, 0);
  return { base: run.base.name, head: run.head.name, documents, summary: { documents: documents.length, pages, drawn: counted.drawn } };
}

/** The printed outputs of a document: its formats whose main file is a PDF. */
function printed(doc: DocumentReport | undefined): Map<string, OutputEntry> {
  return new Map((doc?.outputs ?? []).filter((output) => output.file.endsWith('.pdf')).map((output) => [output.format, output]));
}

async function diffFormats(
  run: DiffRun,
  before: DocumentReport | undefined,
  after: DocumentReport | undefined,
  doc: DocumentReport,
  counted: { drawn: number },
): Promise<FormatDiff[]> {
  const a = printed(before);
  const b = printed(after);
  const ids = [...new Set([...a.keys(), ...b.keys()])];
  const diffs: FormatDiff[] = [];
  for (const id of ids) {
    const label = formatById(id)?.label ?? id;
    const from = a.get(id);
    const to = b.get(id);
    if (!from || !to) {
      diffs.push({ format: id, label, status: from ? 'removed' : 'added', pages: { base: from?.pages, head: to?.pages }, changed: [] });
      continue;
    }
    if (from.sha256 === to.sha256) continue;
    const changed = await diffPages(
      run,
      readFileSync(fileIn(run.base, from.file)),
      readFileSync(fileIn(run.head, to.file)),
      `${doc.lang}-${doc.slug}-${id}`,
      counted,
    );
    if (changed.length || from.pages !== to.pages) diffs.push({ format: id, label, status: 'changed', pages: { base: from.pages, head: to.pages }, changed });
  }
  return diffs;
}

async function diffPages(run: DiffRun, before: Uint8Array, after: Uint8Array, name: string, counted: { drawn: number }): Promise<PageChange[]> {
  const [printsA, printsB] = await Promise.all([pageFingerprints(before), pageFingerprints(after)]);
  const [a, b] = await Promise.all([PdfPages.open(before), PdfPages.open(after)]);
  try {
    const changed: PageChange[] = [];
    for (let n = 1; n <= Math.max(a.count, b.count); n++) {
      const inA = n <= a.count;
      const inB = n <= b.count;
      if (inA && inB && printsA[n - 1] === printsB[n - 1]) continue;
      const blank = { width: 1, height: 1, data: new Uint8ClampedArray([255, 255, 255, 255]) };
      const [pictureA, pictureB] = await Promise.all([inA ? a.picture(n) : blank, inB ? b.picture(n) : blank]);
      counted.drawn += Number(inA) + Number(inB);
      const compared = comparePictures(pictureA, pictureB);
      if (!compared.pixels && inA && inB) continue;
      const words = wordChange(inA ? await a.words(n) : [], inB ? await b.words(n) : []);
      const kind = !inA ? 'added' : !inB ? 'removed' : 'changed';
      const change: PageChange = {
        page: n,
        kind,
        pixels: compared.pixels,
        ratio: Math.round(compared.ratio * 10_000) / 10_000,
        text: { removed: words.removed, added: words.added },
        runs: words.runs,
      };
      if (run.reportDir) {
        const png = { before: PdfPages.png(pictureA), after: PdfPages.png(pictureB), difference: PdfPages.png(compared.difference) };
        change.pictures = writePictures(run.reportDir, `${name}-p${n}`, png, kind);
      }
      changed.push(change);
    }
    return changed;
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

/** The page's pictures in the report's `pages/` folder, named by document, format and page; paths relative to the report. */
function writePictures(
  dir: string,
  name: string,
  png: { before: Buffer; after: Buffer; difference: Buffer },
  kind: PageChange['kind'],
): NonNullable<PageChange['pictures']> {
  const folder = path.join(dir, 'pages');
  mkdirSync(folder, { recursive: true });
  const safe = name.replace(/[^\w.-]+/g, '_');
  const write = (part: keyof typeof png) => {
    writeFileSync(path.join(folder, `${safe}-${part}.png`), png[part]);
    return `pages/${safe}-${part}.png`;
  };
  return {
    ...(kind !== 'added' && { before: write('before') }),
    ...(kind !== 'removed' && { after: write('after') }),
    ...(kind === 'changed' && { difference: write('difference') }),
  };
}
