import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { loadConfig } from '../../src/config/load.js';
import { build } from '../../src/pipeline/build.js';
import type { BuildReport } from '../../src/report/types.js';
import { readPdf } from '../helpers/pdf.js';
import { tempProject } from '../helpers/project.js';
import { findReaders, libreOfficeToPdf, qpdfCheck } from '../helpers/readers.js';

/**
 * The slow reader, in a file of its own (`npm run test:fast` leaves this folder out): LibreOffice
 * Impress opens every deck the project makes, in English, Spanish, Arabic and with a clinic whose
 * name holds `& < > " '`, and converts each to PDF with as many pages as the deck has slides.
 */
describe('every slides.pptx, opened by LibreOffice Impress', () => {
  const projects = [tempProject(), tempProject('arabic'), tempProject('symbols')];
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const converted = mkdtempSync(path.join(tmpdir(), 'handouts-lo-'));
  const decks: { pptx: string; slides: number; name: string }[] = [];
  beforeAll(async () => {
    for (const project of projects) {
      const config = await loadConfig({ cwd: project.dir, env: {}, flags: { formats: ['slides-pdf', 'slides-pptx'], today: '2026-12-01' } });
      const report: BuildReport = await build({ config, browser });
      expect(report.summary.failed).toBe(0);
      for (const doc of report.documents) {
        const pptx = doc.outputs.find((o) => o.format === 'slides-pptx')!;
        const pdf = doc.outputs.find((o) => o.format === 'slides-pdf')!;
        // One folder for every conversion: each deck under a name of its own.
        const name = `${path.basename(project.dir)}-${doc.lang}-${doc.slug}`;
        copyFileSync(path.join(project.dir, pptx.file), path.join(converted, `${name}.pptx`));
        decks.push({ pptx: path.join(converted, `${name}.pptx`), slides: (await readPdf(path.join(project.dir, pdf.file))).pages, name });
      }
    }
  }, 300_000);
  afterAll(async () => {
    await browser.dispose();
    for (const project of projects) project.cleanup();
    rmSync(converted, { recursive: true, force: true });
  });

  it('converts each with as many pages as the deck has slides', async (ctx) => {
    const { missing } = findReaders(['soffice', 'qpdf']);
    if (missing) ctx.skip(missing);
    expect(decks.length).toBe(8);
    const pdfs = libreOfficeToPdf(decks.map((d) => d.pptx), converted);
    for (const deck of decks) {
      const pdf = pdfs.get(deck.pptx);
      expect(pdf, `${deck.name}: LibreOffice could not open it`).toBeDefined();
      expect(qpdfCheck(pdf!).ok, deck.name).toBe(true);
      expect((await readPdf(pdf!)).pages, deck.name).toBe(deck.slides);
    }
  }, 600_000);
});
