import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { loadConfig } from '../../src/config/load.js';
import { build } from '../../src/pipeline/build.js';
import type { BuildReport } from '../../src/report/types.js';
import { brandFontForLibreOffice } from '../helpers/fonts.js';
import { readPdf } from '../helpers/pdf.js';
import { compact, rtlLines } from '../helpers/pdf-lines.js';
import { tempProject } from '../helpers/project.js';
import { findReaders, libreOfficeToPdf, pagesApart, popplerText, qpdfCheck } from '../helpers/readers.js';

/**
 * The slow reader, in a file of its own (`npm run test:fast` leaves this folder out): LibreOffice
 * Impress opens every deck the project makes, in English, Spanish, Arabic, with every layout, and
 * with a clinic whose name holds `& < > " '`: as many pages as the deck has slides, each carrying
 * the slide's words, and, with the deck's fonts installed where LibreOffice finds them, looking
 * like the deck: at most 2% of each deck's pixels apart from slides.pdf (median over its slides).
 */
const words = (text: string): string[] => Array.from(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
/**
 * A right-to-left page's text as MuPDF reads it, each line's glyphs right to left (see
 * pdf-lines.ts), without spaces; a letter said twice in a row said once, since LibreOffice's PDF
 * maps some joined Arabic glyphs to their letters twice.
 */
const rtlText = (pdf: string, page: number) =>
  rtlLines(pdf, page)
    .map((line) => compact(line.rtl))
    .join('')
    .replace(/(.)\1+/gu, '$1');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

describe('every slides.pptx, opened by LibreOffice Impress', () => {
  const projects = [tempProject(), tempProject('arabic'), tempProject('symbols'), tempProject('deck')];
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const work = mkdtempSync(path.join(tmpdir(), 'handouts-lo-'));
  const decks: { name: string; pptx: string; pdf: string }[] = [];
  let converted: Map<string, string | undefined>;
  beforeAll(async () => {
    const { missing } = findReaders(['soffice', 'qpdf', 'pdftoppm', 'pdftotext']);
    if (missing) return;
    for (const project of projects) {
      const config = await loadConfig({ cwd: project.dir, env: {}, flags: { formats: ['slides-pdf', 'slides-pptx'], today: '2026-12-01' } });
      const report: BuildReport = await build({ config, browser });
      expect(report.summary.failed).toBe(0);
      for (const doc of report.documents) {
        // One folder for every conversion: each deck under a name of its own.
        const name = `${path.basename(project.dir)}-${doc.lang}-${doc.slug}`;
        const pptx = path.join(work, `${name}.pptx`);
        copyFileSync(path.join(project.dir, doc.outputs.find((o) => o.format === 'slides-pptx')!.file), pptx);
        decks.push({ name, pptx, pdf: path.join(project.dir, doc.outputs.find((o) => o.format === 'slides-pdf')!.file) });
      }
    }
    mkdirSync(path.join(work, 'with-fonts'));
    converted = libreOfficeToPdf(
      decks.map((d) => d.pptx),
      path.join(work, 'with-fonts'),
      brandFontForLibreOffice(path.join(work, 'fontconfig')),
    );
  }, 600_000);
  afterAll(async () => {
    await browser.dispose();
    for (const project of projects) project.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it("opens each with as many slides as the deck, each carrying the slide's words", async (ctx) => {
    const { missing } = findReaders(['soffice', 'qpdf', 'pdftoppm', 'pdftotext']);
    if (missing) ctx.skip(missing);
    expect(decks.length).toBe(9);
    for (const deck of decks) {
      const pdf = converted.get(deck.pptx);
      expect(pdf, `${deck.name}: LibreOffice could not open it`).toBeDefined();
      expect(qpdfCheck(pdf!).ok, deck.name).toBe(true);
      const [ours, theirs] = [await readPdf(deck.pdf), await readPdf(pdf!)];
      expect(theirs.pages, deck.name).toBe(ours.pages);
      const rendered = popplerText(pdf!).split('\f');
      ours.text.forEach((page, i) => {
        // LibreOffice writes Arabic a glyph cluster at a time, out of order for a text extractor: for
        // a right-to-left deck the letters are counted (each held as often as the slide has it).
        const rtl = deck.name.includes('-ar-');
        const expected = rtl ? [...rtlText(deck.pdf, i)] : words(page);
        const shown = rtl ? [...rtlText(pdf!, i)] : words(rendered[i] ?? '');
        const held =
          expected.filter((item) => {
            const at = shown.indexOf(item);
            if (at >= 0 && rtl) shown.splice(at, 1);
            return at >= 0;
          }).length / Math.max(1, expected.length);
        expect(held, `${deck.name}, slide ${i + 1}`).toBeGreaterThanOrEqual(0.9);
      });
    }
  }, 300_000);

  it('renders each like the deck: at most 2% of its pixels apart from slides.pdf (median over the slides)', async (ctx) => {
    const { missing } = findReaders(['soffice', 'pdftoppm']);
    if (missing) ctx.skip(missing);
    const lines: string[] = [];
    for (const deck of decks) {
      const apart = await pagesApart(deck.pdf, converted.get(deck.pptx)!);
      lines.push(`${deck.name}: median ${percent(median(apart))}; per slide ${apart.map(percent).join(' ')}`);
      expect(median(apart), deck.name).toBeLessThanOrEqual(0.02);
    }
    // The figures, for the README: each deck's slides as LibreOffice draws them against slides.pdf.
    console.log(`Pixels apart from slides.pdf, LibreOffice with the deck's fonts installed:\n${lines.join('\n')}`);
  }, 300_000);

  it('says what a machine without the brand font shows: a sans-serif in its place, every word still there', async (ctx) => {
    const { missing } = findReaders(['soffice', 'pdftoppm', 'pdftotext']);
    if (missing) ctx.skip(missing);
    const deck = decks.find((d) => d.name.endsWith('-en-multiple-sclerosis'))!;
    const bare = path.join(work, 'without-fonts');
    mkdirSync(bare);
    const pdf = libreOfficeToPdf([deck.pptx], bare).get(deck.pptx)!;
    const apart = await pagesApart(deck.pdf, pdf);
    console.log(
      `Without the brand font (LibreOffice puts DejaVu Sans in its place): median ${percent(median(apart))}; per slide ${apart.map(percent).join(' ')}`,
    );
    expect((await readPdf(pdf)).pages).toBe((await readPdf(deck.pdf)).pages);
    expect(words(popplerText(pdf))).toEqual(expect.arrayContaining(words((await readPdf(deck.pdf)).text.join(' ')).slice(0, 50)));
  }, 300_000);
});
