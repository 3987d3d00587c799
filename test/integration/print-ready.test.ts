import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFPage } from 'pdf-lib';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { BrowserManager } from '../../src/browser/manager.js';
import { makePrintReady, type PrintReadyOptions } from '../../src/print/print-ready.js';
import { printPdf } from '../../src/print/print.js';
import { drawingOf, type PageDrawing, type Rect, type Segment } from '../helpers/pdf-drawing.js';

const MM = 72 / 25.4;
const BLEED = 3 * MM;
/** Tolerance for geometry we compute ourselves: pdf.js hands coordinates over as 32-bit floats. */
const EPS = 0.01;
/** Chromium rounds the page size it prints to whole CSS pixels (0.75 pt). */
const CSS_PX = 0.75;

// A5 (148 x 210 mm) plus 3 mm of bleed on every side, backgrounds running to the page edge.
const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Before your scan</title><style>
@page { size: 154mm 216mm; margin: 0 }
html, body { margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact }
section { box-sizing: border-box; height: 216mm; padding: 15mm; break-after: page; background: #1d6fa5; color: #fff; font: 14pt sans-serif }
section + section { background: #f4c542; color: #222; break-after: auto }
</style></head><body>
<section><h1>Before your scan</h1><p>Drink two glasses of water an hour before you arrive.</p></section>
<section><h1>What to bring</h1><p>Bring your medication list and your referral letter.</p></section>
</body></html>`;

const MARKS = [
  { name: 'default marks (5 mm, starting at the bleed edge)', options: { bleedMm: 3 }, offset: 0, length: 5 },
  { name: 'marks 8 mm long, 2 mm away from the bleed', options: { bleedMm: 3, markOffsetMm: 2, markLengthMm: 8 }, offset: 2, length: 8 },
] as const satisfies readonly { name: string; options: PrintReadyOptions; offset: number; length: number }[];

describe('makePrintReady on pages printed by a real Chromium', () => {
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  let input: Uint8Array;
  const outputs = new Map<string, Uint8Array>();

  beforeAll(async () => {
    input = (await printPdf(browser, HTML, { label: 'print-ready', timeoutMs: 30_000 })).bytes;
    for (const { name, options } of MARKS) outputs.set(name, await makePrintReady(input, options));
  });
  afterAll(() => browser.dispose());

  describe.each(MARKS)('$name', ({ name, offset, length }) => {
    it('sets the BleedBox to the printed page, the TrimBox 3 mm inside it and a MediaBox with room for the marks', async () => {
      const before = (await PDFDocument.load(input, { updateMetadata: false })).getPages();
      const after = (await PDFDocument.load(outputs.get(name)!, { updateMetadata: false })).getPages();
      expect(after).toHaveLength(before.length);
      after.forEach((page, index) => {
        const printed = before[index]!.getMediaBox();
        const { media, crop, bleed, trim } = boxesOf(page);
        expectRect(bleed, { left: printed.x, bottom: printed.y, right: printed.x + printed.width, top: printed.y + printed.height });
        expectRect(trim, { left: bleed.left + BLEED, bottom: bleed.bottom + BLEED, right: bleed.right - BLEED, top: bleed.top - BLEED });
        const room = (offset + length) * MM;
        expect(media.left).toBeLessThanOrEqual(bleed.left - room);
        expect(media.bottom).toBeLessThanOrEqual(bleed.bottom - room);
        expect(media.right).toBeGreaterThanOrEqual(bleed.right + room);
        expect(media.top).toBeGreaterThanOrEqual(bleed.top + room);
        if (crop) expectRect(crop, media);
        expect(Math.abs(trim.right - trim.left - 148 * MM)).toBeLessThanOrEqual(CSS_PX);
        expect(Math.abs(trim.top - trim.bottom - 210 * MM)).toBeLessThanOrEqual(CSS_PX);
      });
    });

    it('draws two crop marks per trim corner, outside the bleed, and nothing else outside the bleed', async () => {
      const bytes = outputs.get(name)!;
      const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPages();
      const drawings = await withPdfjs(bytes, (doc) => Promise.all(pages.map(async (_, i) => drawingOf(await doc.getPage(i + 1)))));
      pages.forEach((page, index) => {
        const { media, bleed, trim } = boxesOf(page);
        const drawing = drawings[index]!;
        const marks = drawing.drawn.filter((d) => d.artifact && d.kind === 'stroke');
        const segments = marks.flatMap((mark) => mark.segments.map((segment) => ({ segment, ink: inkOf(segment, mark.lineWidth, mark.lineCap) })));
        expect(segments).toHaveLength(8);
        const corners = { vertical: [] as string[], horizontal: [] as string[] };
        for (const { segment, ink } of segments) {
          expect(outside(ink, bleed), `mark ${JSON.stringify(segment)} enters the bleed`).toBe(true);
          expect(within(ink, media), `mark ${JSON.stringify(segment)} leaves the MediaBox`).toBe(true);
          const vertical = Math.abs(segment.x0 - segment.x1) < EPS;
          expect(vertical || Math.abs(segment.y0 - segment.y1) < EPS).toBe(true);
          const [along, trimEdges] = vertical ? [segment.x0, [trim.left, trim.right]] : [segment.y0, [trim.bottom, trim.top]];
          expect(
            trimEdges.some((edge) => Math.abs(along - edge) < EPS),
            `mark ${JSON.stringify(segment)} is not on a trim line`,
          ).toBe(true);
          expect(Math.hypot(segment.x1 - segment.x0, segment.y1 - segment.y0)).toBeCloseTo(length * MM, 2);
          const gap = vertical ? Math.max(bleed.bottom - ink.top, ink.bottom - bleed.top) : Math.max(bleed.left - ink.right, ink.left - bleed.right);
          expect(gap).toBeCloseTo(offset * MM, 2);
          const side = (low: boolean, a: string, b: string) => (low ? a : b);
          const x = side(vertical ? Math.abs(along - trim.left) < EPS : ink.right <= bleed.left + EPS, 'left', 'right');
          const y = side(vertical ? ink.top <= bleed.bottom + EPS : Math.abs(along - trim.bottom) < EPS, 'bottom', 'top');
          corners[vertical ? 'vertical' : 'horizontal'].push(`${y} ${x}`);
        }
        const all = ['bottom left', 'bottom right', 'top left', 'top right'];
        expect(corners.vertical.sort()).toEqual(all);
        expect(corners.horizontal.sort()).toEqual(all);

        const rest = drawing.drawn.filter((d) => !marks.includes(d) && d.ink.left < d.ink.right && d.ink.bottom < d.ink.top);
        // Not vacuous: the page's background is among them and reaches past the trim on every side.
        expect(rest.some((d) => d.kind === 'fill' && within(trim, d.ink))).toBe(true);
        for (const d of rest) expect(within(d.ink, bleed), `${d.kind} ${JSON.stringify(d.ink)} outside the BleedBox`).toBe(true);
      });
    });
  });

  it('keeps the tags, the text, the outline and the document information', async () => {
    const output = outputs.get(MARKS[0].name)!;
    const [before, after] = await Promise.all([facts(input), facts(output)]);
    expect(after.tagged).toBe(true);
    expect(after.pages).toBe(before.pages);
    expect(after.text).toEqual(before.text);
    expect(after.text.join(' ')).toContain('Drink two glasses of water');
    expect(after.structure).toEqual(before.structure);
    expect(after.structure.join('')).toContain('NonStruct');
    expect(after.mcids).toEqual(before.mcids);
    expect(after.mcids.flat().length).toBeGreaterThan(0);
    expect(after.outline).toEqual(before.outline);
    expect(after.outline).toEqual(['Before your scan', 'What to bring']);
    expect(after.info).toEqual(before.info);
    expect(after.info.title).toBe('Before your scan');
    expect(after.info.lang).toBe(before.info.lang);
  });

  it('gives the same bytes for the same input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
      const first = await makePrintReady(input, MARKS[0].options);
      vi.setSystemTime(new Date('2032-06-15T12:34:56Z'));
      const second = await makePrintReady(input, MARKS[0].options);
      expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
      expect(Buffer.from(first).equals(Buffer.from(outputs.get(MARKS[0].name)!))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses impossible options and a PDF that is print-ready already', async () => {
    for (const bleedMm of [0, -3, Number.NaN, 80]) await expect(makePrintReady(input, { bleedMm })).rejects.toThrow(RangeError);
    await expect(makePrintReady(input, { bleedMm: 3, markLengthMm: 0 })).rejects.toThrow(RangeError);
    await expect(makePrintReady(input, { bleedMm: 3, markOffsetMm: -1 })).rejects.toThrow(RangeError);
    await expect(makePrintReady(outputs.get(MARKS[0].name)!, { bleedMm: 3 })).rejects.toThrow(/print-ready already/);
  });
});

/** The page's boxes as written on the page itself (pdf-lib's getters fall back to the MediaBox). */
function boxesOf(page: PDFPage): { media: Rect; crop?: Rect; bleed: Rect; trim: Rect } {
  const box = (name: string) => {
    const array = page.node.lookupMaybe(PDFName.of(name), PDFArray);
    if (!array) return undefined;
    const [x0, y0, x1, y1] = [0, 1, 2, 3].map((i) => array.lookup(i, PDFNumber).asNumber()) as [number, number, number, number];
    return { left: Math.min(x0, x1), bottom: Math.min(y0, y1), right: Math.max(x0, x1), top: Math.max(y0, y1) };
  };
  const [media, bleed, trim] = [box('MediaBox'), box('BleedBox'), box('TrimBox')];
  if (!media || !bleed || !trim) throw new Error(`page lacks a box: ${JSON.stringify({ media, bleed, trim })}`);
  return { media, crop: box('CropBox'), bleed, trim };
}

function expectRect(actual: Rect, expected: Rect): void {
  for (const side of ['left', 'bottom', 'right', 'top'] as const) expect(Math.abs(actual[side] - expected[side]), side).toBeLessThanOrEqual(EPS);
}

/** The ink of an axis-aligned hairline: widened across by half the line width, and along by it unless the caps are butt. */
function inkOf(s: Segment, width: number, cap: number): Rect {
  const across = width / 2;
  const along = cap === 0 ? 0 : width / 2;
  const vertical = Math.abs(s.x0 - s.x1) < EPS;
  const [dx, dy] = vertical ? [across, along] : [along, across];
  return { left: Math.min(s.x0, s.x1) - dx, bottom: Math.min(s.y0, s.y1) - dy, right: Math.max(s.x0, s.x1) + dx, top: Math.max(s.y0, s.y1) + dy };
}

/** No ink inside the box (touching its edge is fine). */
function outside(r: Rect, box: Rect): boolean {
  return r.right <= box.left + EPS || r.left >= box.right - EPS || r.top <= box.bottom + EPS || r.bottom >= box.top - EPS;
}

function within(r: Rect, box: Rect): boolean {
  return r.left >= box.left - EPS && r.bottom >= box.bottom - EPS && r.right <= box.right + EPS && r.top <= box.top + EPS;
}

async function withPdfjs<T>(bytes: Uint8Array, fn: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // pdf.js takes ownership of the buffer it is given, so hand it a copy.
  const loading = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false });
  try {
    return await fn(await loading.promise);
  } finally {
    await loading.destroy();
  }
}

/** What must survive: structure (pdf-lib) and what a reader gets from it (pdf.js). */
async function facts(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const markInfo = pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const tagged = pdf.catalog.has(PDFName.of('StructTreeRoot')) && markInfo?.get(PDFName.of('Marked'))?.toString() === 'true';
  const info = {
    title: pdf.getTitle(),
    author: pdf.getAuthor(),
    creator: pdf.getCreator(),
    producer: pdf.getProducer(),
    created: pdf.getCreationDate()?.toISOString(),
    modified: pdf.getModificationDate()?.toISOString(),
    lang: pdf.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText(),
  };
  return withPdfjs(bytes, async (doc) => {
    const text: string[] = [];
    const structure: string[] = [];
    const mcids: PageDrawing['mcids'][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      text.push((await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
      structure.push(JSON.stringify(await page.getStructTree()));
      mcids.push((await drawingOf(page)).mcids);
    }
    const outline = ((await doc.getOutline()) ?? []).map((item) => item.title);
    return { pages: doc.numPages, tagged, info, text, structure, mcids, outline };
  });
}
