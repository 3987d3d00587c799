import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PDFDocument, PDFName, PDFArray } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { loadConfig } from '../../src/config/load.js';
import { build } from '../../src/pipeline/build.js';
import type { BuildReport } from '../../src/report/types.js';
import { readPdf } from '../helpers/pdf.js';
import { renderPage, textRuns } from '../helpers/pdf-text.js';
import { tempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

const MM = 72 / 25.4;
// jsqr is CommonJS whose types declare an ES default export; require gives the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof import('jsqr').default;
const QR = 'https://northgate-clinic.example/conditions/{slug}';

describe('the tri-fold brochure, large print and print-shop versions of the clinic content', () => {
  const project = tempProject();
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const out = (...parts: string[]) => path.join(project.dir, 'output/en/multiple-sclerosis', ...parts);
  let report: BuildReport;

  beforeAll(async () => {
    writeFileSync(path.join(project.dir, 'handouts.config.yaml'), `qr_url: "${QR}"\nprint_ready: [brochure]\nformats: [brochure, large-print]\n`);
    report = await build({ config: await loadConfig({ cwd: project.dir, env: {}, flags: { today: '2026-12-01' } }), browser });
  });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });

  it('builds both for every condition, with no diagnostics', () => {
    expect(report.summary).toMatchObject({ built: 6, failed: 0 });
    for (const doc of report.documents) {
      expect(doc.diagnostics).toEqual([]);
      expect(doc.outputs.map((o) => o.format)).toEqual(['large-print-pdf', 'brochure-pdf']);
    }
  });

  it('prints the brochure on both sides of one landscape A4 sheet, tagged, with its metadata and fonts', async () => {
    const pdf = await readPdf(out('brochure.pdf'));
    expect(pdf.pages).toBe(2);
    for (const size of pdf.sizes) {
      expect(size.width).toBeCloseTo(297 * MM, 0);
      expect(size.height).toBeCloseTo(210 * MM, 0);
    }
    expect(pdf).toMatchObject({ tagged: true, title: 'Stem cell treatment for multiple sclerosis', author: 'Northgate Pain & Spine Clinic', lang: 'en' });
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.every((font) => font.embedded)).toBe(true);
  });

  it('keeps every line of text inside one panel, the flap 2 mm narrower, and reads the panels in order', async () => {
    const third = (297 * MM) / 3;
    const flap = third - 2 * MM;
    const wide = third + 1 * MM;
    // Outside, left to right: flap, back, cover. Inside: two wide panels, then the flap's other side.
    const outside = { flap: [0, flap], back: [flap, flap + wide], cover: [flap + wide, 297 * MM] } as const;
    const inside = { first: [0, wide], second: [wide, 2 * wide], third: [2 * wide, 297 * MM] } as const;
    const [front, back] = await textRuns(out('brochure.pdf'));
    const panelOf = (panels: Record<string, readonly [number, number]>, x: number) => Object.entries(panels).find(([, [a, b]]) => x >= a && x < b)?.[0];
    for (const [runs, panels] of [
      [front!, outside],
      [back!, inside],
    ] as const) {
      for (const run of runs) {
        const panel = panelOf(panels, run.x);
        expect(panel, run.text).toBeDefined();
        expect(run.x + run.width, `“${run.text}” ends past its panel`).toBeLessThanOrEqual(panels[panel as keyof typeof panels][1] + 0.5);
      }
    }
    const textIn = (runs: typeof front, panels: Record<string, readonly [number, number]>, name: string) =>
      runs!
        .filter((run) => panelOf(panels, run.x) === name)
        .map((run) => run.text)
        .join(' ');
    expect(textIn(front, outside, 'cover')).toContain('Stem cell treatment for');
    expect(textIn(front, outside, 'cover')).toContain('Multiple sclerosis');
    expect(textIn(front, outside, 'back')).toContain('This handout is for general education only');
    expect(textIn(front, outside, 'back')).toContain('Last reviewed');
    expect(textIn(front, outside, 'flap')).toContain('What are stem cells?');
    expect(textIn(back, inside, 'first').length).toBeGreaterThan(200);
    expect(textIn(back, inside, 'third')).toContain('Sources');
    // Each panel's text starts at its left edge plus the 8 mm padding: the fold widths are as designed.
    const left = (runs: typeof front, panels: Record<string, readonly [number, number]>, name: string) =>
      Math.min(...runs!.filter((run) => panelOf(panels, run.x) === name).map((run) => run.x));
    expect(left(front, outside, 'back')).toBeCloseTo(flap + 8 * MM, 0);
    expect(left(front, outside, 'cover')).toBeCloseTo(flap + wide + 8 * MM, 0);
    expect(left(back, inside, 'second')).toBeCloseTo(wide + 8 * MM, 0);
    expect(left(back, inside, 'third')).toBeCloseTo(2 * wide + 8 * MM, 0);
    // Reading order follows the panels: the cover first, then the flap, then the back panel.
    const order = front!.map((run) => panelOf(outside, run.x));
    expect(order[0]).toBe('cover');
    expect(order.lastIndexOf('cover')).toBeLessThan(order.indexOf('flap'));
    expect(order.lastIndexOf('flap')).toBeLessThan(order.indexOf('back'));
  });

  it('prints a QR code on the back panel that decodes to the configured address', async () => {
    const image = await renderPage(out('brochure.pdf'), 1);
    const code = jsQR(image.data, image.width, image.height);
    expect(code?.data).toBe('https://northgate-clinic.example/conditions/multiple-sclerosis');
    // It sits on the back panel: the middle third of the outside.
    expect(code!.location.topLeftCorner.x / image.width).toBeGreaterThan(1 / 3 - 0.01);
    expect(code!.location.bottomRightCorner.x / image.width).toBeLessThan(2 / 3);
  });

  it('makes a print-shop brochure with bleed, trim and crop-mark room on every page', async () => {
    const pdf = await PDFDocument.load(readFileSync(out('brochure-print.pdf')), { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(2);
    const box = (page: ReturnType<typeof pdf.getPage>, name: string) =>
      page.node
        .lookup(PDFName.of(name), PDFArray)
        .asArray()
        .map((n) => Number(String(n)));
    for (const page of pdf.getPages()) {
      const [mx1, my1, mx2, my2] = box(page, 'MediaBox');
      const [bx1, by1, bx2, by2] = box(page, 'BleedBox');
      const [tx1, ty1, tx2, ty2] = box(page, 'TrimBox');
      for (const [bleed, trim] of [
        [bx1, tx1],
        [by1, ty1],
        [tx2, bx2],
        [ty2, by2],
      ] as const)
        expect(trim! - bleed!).toBeCloseTo(3 * MM, 1);
      expect(tx2! - tx1!).toBeCloseTo(297 * MM, 0);
      expect(ty2! - ty1!).toBeCloseTo(210 * MM, 0);
      expect(mx1).toBeLessThan(bx1!);
      expect(my1).toBeLessThan(by1!);
      expect(mx2).toBeGreaterThan(bx2!);
      expect(my2).toBeGreaterThan(by2!);
    }
    expect((await readPdf(out('brochure-print.pdf'))).tagged).toBe(true);
    // The ordinary brochure stays as it is: no bleed, no marks.
    const plain = await PDFDocument.load(readFileSync(out('brochure.pdf')), { updateMetadata: false });
    expect(plain.getPage(0).node.get(PDFName.of('TrimBox'))).toBeUndefined();
  });

  it('prints large print at 18 pt or more, every run of text, with the page number at the bottom right', async () => {
    const pages = await textRuns(out('large-print.pdf'));
    const handoutWords = (await readPdf(out('large-print.pdf'))).text.join(' ');
    expect(pages.length).toBeGreaterThan(3);
    // Sizes come back as 17.9999999 from float maths in the text matrix; 0.01 pt is far below any visible difference.
    for (const runs of pages) for (const run of runs) expect(run.size, run.text).toBeGreaterThanOrEqual(17.99);
    expect(handoutWords).toContain('What is multiple sclerosis?');
    expect(handoutWords).toContain('This handout is for general education only');
    pages.forEach((runs, i) => {
      const number = runs.find((run) => run.text === `Page ${i + 1} of ${pages.length}`);
      expect(number, `page ${i + 1}`).toBeDefined();
      expect(number!.x).toBeGreaterThan((210 * MM) / 2);
    });
  });
});

describe('a brochure whose content does not fit', () => {
  const project = tempProject('two-docs');
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });
  const front = `${readFileSync(path.join(project.dir, 'content/good.md'), 'utf8').split(/^---$/m).slice(0, 2).join('---')}---\n`;
  const sections = Array.from(
    { length: 14 },
    (_, i) => `## Part ${i + 1}\n\n${'People with this condition can feel pain in many parts of the body. '.repeat(9)}\n`,
  );

  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const formats = ['handout-pdf', 'brochure-pdf', 'slides-pdf', 'slides-pptx'];
  const run = async () =>
    build({ config: await loadConfig({ cwd: project.dir, env: {}, flags: { formats, today: '2026-12-01' } }), sources: ['content/good.md'], browser });

  it('fails that format alone: the others are written, the previous brochure is kept, and the report and catalog say which and why', async () => {
    // First a brochure that fits: its file is the one a later failure must leave in place.
    writeFileSync(file('content/good.md'), `${front}\n${sections.slice(0, 2).join('\n')}`);
    expect((await run()).documents[0]).toMatchObject({ status: 'built' });
    const before = readFileSync(file('output/en/good/brochure.pdf'));

    writeFileSync(file('content/good.md'), `${front}\n${sections.join('\n')}`);
    const [doc] = (await run()).documents;
    expect(doc!.status).toBe('failed');
    // Every other format was made from the new text.
    expect(doc!.outputs.map((o) => o.format)).toEqual(['handout-pdf', 'slides-pdf', 'slides-pptx']);
    expect((await readPdf(file('output/en/good/handout.pdf'))).text.join(' ')).toContain('Part 14');
    expect((await readPdf(file('output/en/good/slides.pdf'))).text.join(' ')).toContain('Part 14');
    // The brochure is the previous complete one, byte for byte: never a clipped one.
    expect(readFileSync(file('output/en/good/brochure.pdf')).equals(before)).toBe(true);
    expect(doc!.failures).toEqual([
      {
        format: 'brochure-pdf',
        kept: 'output/en/good/brochure.pdf',
        diagnostics: [expect.objectContaining({ rule: 'brochure-overflow', format: 'brochure-pdf' })],
      },
    ]);
    const error = doc!.diagnostics.find((d) => d.rule === 'brochure-overflow')!;
    expect(error).toMatchObject({ file: 'content/good.md', severity: 'error', column: 1, format: 'brochure-pdf' });
    const lines = readFileSync(file('content/good.md'), 'utf8').split('\n');
    const heading = lines[error.line - 1]!;
    expect(heading).toMatch(/^## Part \d+$/);
    expect(error.message).toContain(`“${heading.slice(3)}”`);
    expect(error.message).toMatch(/overflows by about \d+ mm \(one panel holds \d+ mm\)/);
    // The manifest and the catalog card: the current files, and the failed format with its message, where, and the file kept.
    const manifest = JSON.parse(readFileSync(file('output/manifest.json'), 'utf8')) as BuildReport;
    expect(manifest.documents.find((d) => d.source === 'content/good.md')).toMatchObject({
      status: 'failed',
      failures: [{ format: 'brochure-pdf', kept: 'output/en/good/brochure.pdf' }],
    });
    const catalog = readFileSync(file('output/index.html'), 'utf8');
    const card = catalog.slice(catalog.indexOf('content/good.md'));
    expect(card).toMatch(
      /Brochure \(tri-fold PDF\): failed\.<\/span> [^<]*does not fit the panels[^<]*<span class="note">at <code>content\/good\.md:\d+:1<\/code><\/span> <a href="en\/good\/brochure\.pdf"[^>]*>Previous version<\/a>/,
    );
    expect(card).toContain('A format failed in the last build');
    expect(card).toMatch(/href="en\/good\/handout\.pdf"/);
  });

  it('says so on the command line with exit 1, then makes only the failed format again while nothing changed', async () => {
    const buildGood = (...more: string[]) =>
      runCli(project.dir, [
        'build',
        'content/good.md',
        '--browser-endpoint',
        inject('browserEndpoint'),
        '--format',
        formats.join(','),
        '--today',
        '2026-12-01',
        ...more,
      ]);
    const cli = await buildGood();
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/content\/good\.md:\d+:1 error .*does not fit the panels/);
    expect(cli.stderr).toContain('✗ content/good.md: brochure-pdf (previous file kept) failed; the others are current: handout.pdf');
    const handoutTime = statSync(file('output/en/good/handout.pdf')).mtimeMs;
    const again = await buildGood('--json');
    const [doc] = again.json().documents;
    expect(doc.failures.map((f: { format: string }) => f.format)).toEqual(['brochure-pdf']);
    // The handout was current: reused, not printed or written again.
    expect(statSync(file('output/en/good/handout.pdf')).mtimeMs).toBe(handoutTime);
    expect(doc.outputs.map((o: { format: string }) => o.format)).toEqual(['handout-pdf', 'slides-pdf', 'slides-pptx']);
  });

  it('builds from a shorter :::brochure summary of the same document', async () => {
    writeFileSync(
      path.join(project.dir, 'content/good.md'),
      `${front}\n${sections.join('\n')}\n:::brochure\n## In short\n\n- Pain can be felt in many parts of the body.\n- Ask your care team.\n:::\n`,
    );
    const report = await run();
    // Fixed: the brochure is made again, and the document is built with no failure left.
    expect(report.documents[0]).toMatchObject({ status: 'built' });
    expect(report.documents[0]!.failures).toBeUndefined();
    expect(report.documents[0]!.outputs.map((o) => o.format)).toEqual(formats);
    const [, inside] = await textRuns(path.join(project.dir, 'output/en/good/brochure.pdf'));
    const [outside] = await textRuns(path.join(project.dir, 'output/en/good/brochure.pdf'));
    const all = [...outside!, ...inside!].map((run) => run.text).join(' ');
    expect(all).toContain('In short');
    expect(all).not.toContain('Part 1');
  });
});
