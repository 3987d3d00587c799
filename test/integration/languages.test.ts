import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { build } from '../../src/pipeline/build.js';
import type { BuildReport } from '../../src/report/types.js';
import { readPdf } from '../helpers/pdf.js';
import { compact, rtlLines } from '../helpers/pdf-lines.js';
import { REPO, tempProject } from '../helpers/project.js';
import { findReaders, popplerFonts, xmlElementTexts } from '../helpers/readers.js';

const MM = 72 / 25.4;
const english = parse(readFileSync(path.join(REPO, 'templates/i18n/en.yaml'), 'utf8')) as Record<string, string>;

describe('a handout in Arabic', () => {
  const project = tempProject('arabic');
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const out = (file: string) => path.join(project.dir, 'output/ar/stem-cells', file);
  let report: BuildReport;
  beforeAll(async () => {
    report = await build({
      config: resolveConfig({ flags: { formats: ['handout-pdf', 'handout-html'] }, cwd: project.dir, now: new Date('2026-12-01') }),
      browser,
    });
  });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });

  it('is laid out right to left, in Arabic, with the Arabic font embedded', async () => {
    expect(report.documents[0]).toMatchObject({ lang: 'ar', status: 'built', diagnostics: [] });
    const html = readFileSync(out('handout.html'), 'utf8');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    const pdf = await readPdf(out('handout.pdf'));
    expect(pdf.lang).toBe('ar');
    expect(pdf.tagged).toBe(true);
    expect(pdf.fonts.filter((font) => /NotoSansArabic/.test(font.name))).not.toEqual([]);
    expect(pdf.fonts.every((font) => font.embedded)).toBe(true);
  });

  it('gives its text in logical order when read right to left, with only Arabic template text', async () => {
    const pdf = await readPdf(out('handout.pdf'));
    const lines = Array.from({ length: pdf.pages }, (_, page) => rtlLines(out('handout.pdf'), page)).flat();
    const read = lines.map((line) => compact(line.rtl));
    for (const words of [
      'العلاج بالخلايا الجذعية للألم المزمن',
      'ما هي الخلايا الجذعية؟',
      'هل تساعد الخلايا الجذعية في علاج الألم المزمن؟',
      'ترجمة آلية',
      'يرجى الانتباه',
      'المصادر',
    ]) {
      expect(read, words).toContain(compact(words));
    }
    const text = pdf.text.join(' ');
    for (const key of ['reviewed', 'disclaimer_title', 'sources', 'experimental_title', 'machine_translated_title']) expect(text).not.toContain(english[key]);
  });

  it('mirrors the page: headings set from the right, the page number at the bottom left', () => {
    const lines = rtlLines(out('handout.pdf'), 0);
    const heading = lines.find((line) => compact(line.rtl) === compact('ما هي الخلايا الجذعية؟'))!;
    // Right-aligned: it ends at the right margin (17 mm) and starts well inside the left half.
    expect(210 * MM - heading.right).toBeLessThan(25 * MM); // the origin of its last glyph, plus that glyph's width
    expect(heading.left).toBeGreaterThan((210 * MM) / 2);
    const number =
      lines.find((line) => /^\d/.test(compact(line.rtl)) && compact(line.rtl).includes('الصفحة')) ??
      lines.find((line) => compact(line.rtl).includes('الصفحة'))!;
    expect(number.right).toBeLessThan((210 * MM) / 2);
  });
});

describe('an Arabic document in every format', () => {
  const project = tempProject('arabic');
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const out = (file: string) => path.join(project.dir, 'output/ar/stem-cells', file);
  const HEADING = 'ما هي الخلايا الجذعية؟';
  const BULLET = 'الخلايا الجذعية هي خلايا البداية في الجسم.';
  let report: BuildReport;
  beforeAll(async () => {
    report = await build({ config: resolveConfig({ flags: {}, cwd: project.dir, now: new Date('2026-12-01') }), browser });
  });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });

  it('prints every PDF in Arabic with Noto Sans Arabic embedded, its text in order when read right to left', async (ctx) => {
    expect(report.documents[0]).toMatchObject({ status: 'built', lang: 'ar' });
    const { missing } = findReaders(['pdffonts']);
    if (missing) ctx.skip(missing);
    for (const name of ['handout.pdf', 'large-print.pdf', 'brochure.pdf', 'slides.pdf', 'slides-notes.pdf']) {
      const fonts = popplerFonts(out(name));
      expect(
        fonts.some((font) => /^NotoSansArabic/.test(font.name)),
        `${name}: ${fonts.map((f) => f.name)}`,
      ).toBe(true);
      expect(
        fonts.filter((font) => !font.embedded),
        name,
      ).toEqual([]);
      // No fallback font stands in for the Arabic text.
      expect(
        fonts.filter((font) => /DejaVu|Liberation|FreeSans/.test(font.name)),
        name,
      ).toEqual([]);
      const pdf = await readPdf(out(name));
      expect(pdf.lang, name).toBe('ar');
      const lines = Array.from({ length: pdf.pages }, (_, page) => rtlLines(out(name), page))
        .flat()
        .map((line) => compact(line.rtl));
      expect(
        lines.some((line) => line.includes(compact(HEADING))),
        name,
      ).toBe(true);
    }
  });

  it('sets the slides right to left: bullets on the right, the full stop at the end of the sentence', () => {
    const lines = rtlLines(out('slides.pdf'), 1);
    const bullet = lines.find((line) => compact(line.rtl).includes(compact('هي خلايا البداية')))!;
    // Read right to left, the sentence ends with its full stop (laid out left to right, it would lead).
    expect(compact(bullet.rtl)).toBe(compact(BULLET));
    // Set from the right: the slide is 960 pt wide, its content starts 72 px (54 pt) from the right edge.
    expect(bullet.right).toBeGreaterThan(960 / 2);
    expect(960 - bullet.right).toBeLessThan(120);
    expect(bullet.left).toBeGreaterThan(200);
  });

  it('mirrors the brochure: the cover on the left of the outside, the panels read from the right', () => {
    const title = rtlLines(out('brochure.pdf'), 0).find((line) => compact(line.rtl).includes(compact('العلاج بالخلايا')))!;
    // A4 landscape is 842 pt wide: the cover is the leftmost third when the sheet folds right to left.
    expect(title.right).toBeLessThan(842 / 3);
  });

  it('marks every page right to left, and the PowerPoint file, its notes and its language', async () => {
    for (const name of ['handout.html', 'slides.html']) expect(readFileSync(out(name), 'utf8'), name).toMatch(/<html lang="ar" dir="rtl">/);
    const zip = await JSZip.loadAsync(readFileSync(out('slides.pptx')));
    expect(await zip.file('ppt/presentation.xml')!.async('string')).toMatch(/<p:presentation [^>]*rtl="1"/);
    expect(await xmlElementTexts(await zip.file('docProps/core.xml')!.async('string'), 'dc:language')).toEqual(['ar']);
    const notes = await zip.file('ppt/notesSlides/notesSlide1.xml')!.async('string');
    expect(notes).toContain('<a:pPr algn="r" rtl="1"/>');
    expect(notes).toContain('<a:rPr lang="ar" dirty="0"/>');
    expect(notes).not.toContain('lang="en-US" dirty="0"/><a:t>');
    expect((await xmlElementTexts(notes, 'a:p')).join(' ')).toContain('هذه النشرة للأشخاص');
    // The slides' own text: right to left, set from the right, its Arabic in Noto Sans Arabic.
    const slide = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(slide).toContain('algn="r" rtl="1"');
    expect(slide).toContain('<a:cs typeface="Noto Sans Arabic"/>');
    expect((await xmlElementTexts(slide, 'a:t')).join(' ')).toContain('ما هي الخلايا الجذعية؟');
  });
});

describe('the Spanish versions of the clinic content', () => {
  const project = tempProject();
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const run = (sources: string[] = ['content/es'], formats = ['handout-pdf', 'brochure-pdf']) =>
    build({ config: resolveConfig({ flags: { formats }, cwd: project.dir, now: new Date('2026-12-01') }), sources, browser });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });

  it('builds to output/es/<slug>/ with Spanish in the PDF and only Spanish template text', async () => {
    const report = await run();
    expect(report.documents.map((d) => [d.source, d.lang, d.status])).toEqual([
      ['content/es/multiple-sclerosis.md', 'es', 'built'],
      ['content/es/sjogrens-syndrome.md', 'es', 'built'],
      ['content/es/spinal-cord-injury.md', 'es', 'built'],
    ]);
    const spanish = parse(readFileSync(file('templates/i18n/es.yaml'), 'utf8')) as Record<string, string>;
    for (const name of ['handout.pdf', 'brochure.pdf']) {
      const pdf = await readPdf(file('output/es/multiple-sclerosis', name));
      expect(pdf.lang).toBe('es');
      const text = pdf.text.join(' ').replace(/\s+/g, ' ');
      expect(text).toContain(spanish.disclaimer_title!);
      expect(text).toContain('2 de noviembre de 2026'); // dates written the Spanish way
      for (const key of ['reviewed', 'disclaimer_title', 'disclaimer', 'experimental_title', 'brochure_contact_title']) {
        expect(text, `${name}: ${key}`).not.toContain(english[key]!.replace(/\s+/g, ' '));
      }
      expect(text).not.toContain('Questions? Call');
      // Made by a machine, and both the handout and the brochure say so.
      expect(text).toContain(spanish.machine_translated_title!);
    }
    const handout = (await readPdf(file('output/es/multiple-sclerosis/handout.pdf'))).text.join(' ');
    expect(handout).toContain(spanish.machine_translated_title!);
    expect(handout).toMatch(/Página 1 de \d/);
  });

  it('warns, at the translation, when its source was reviewed after it', async () => {
    const source = file('content/multiple-sclerosis.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('reviewed: 2026-11-02', 'reviewed: 2026-11-20'));
    const report = await run(['content/es/multiple-sclerosis.md']);
    const [doc] = report.documents;
    const lines = readFileSync(file('content/es/multiple-sclerosis.md'), 'utf8').split('\n');
    expect(doc!.status).toBe('built');
    expect(doc!.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/es/multiple-sclerosis.md',
        line: lines.findIndex((l) => l.startsWith('reviewed:')) + 1,
        severity: 'warning',
        rule: 'translation-stale',
      }),
    ]);
    expect(doc!.diagnostics[0]!.message).toContain('content/multiple-sclerosis.md');
  });

  it('fails the documents of a language whose template text lacks a key, at the key, and builds the others', async () => {
    const es = file('templates/i18n/es.yaml');
    writeFileSync(es, readFileSync(es, 'utf8').replace(/^disclaimer_title:.*\n/m, ''));
    const report = await run(['content/es/sjogrens-syndrome.md', 'content/sjogrens-syndrome.md'], ['handout-html']);
    const byLang = Object.fromEntries(report.documents.map((d) => [d.lang, d]));
    expect(byLang.en!.status).toBe('built');
    expect(byLang.es!.status).toBe('failed');
    expect(byLang.es!.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'templates/i18n/es.yaml',
        severity: 'error',
        rule: 'lang-templates',
        message: expect.stringContaining('`disclaimer_title`'),
      }),
    );
  });
});
