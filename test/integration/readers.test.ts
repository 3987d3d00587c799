import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { loadConfig } from '../../src/config/load.js';
import { build } from '../../src/pipeline/build.js';
import type { BuildReport } from '../../src/report/types.js';
import { readPdf } from '../helpers/pdf.js';
import { tempProject } from '../helpers/project.js';
import { findReaders, popplerInfo, popplerText, qpdfCheck, strictXmlError, xmlElementTexts, zbarCodes } from '../helpers/readers.js';

/**
 * Every output of a document whose clinic name, tagline, contact line, title, summary, keywords,
 * sources and speaker notes hold `& < > " '`, opened with the programs its readers use: qpdf and
 * poppler for the PDFs, a strict XML parser for every part of the PowerPoint file, an HTML parser
 * for the pages, zbar for the QR code. Each must show the text exactly as written: escaped once,
 * never twice, never cut at a `<`.
 */
const CLINIC = `Smith & Jones <Pain> "Spine" O'Brien's Clinic`;
const TAGLINE = `Care & <b>education</b>, "plain" & clear: it's yours`;
const CONTACT = `Call 555-0142 & ask for <Front desk> "Pat" O'Neil`;
const TITLE = `Knees & hips: <what> "works" & what doesn't`;
const SUMMARY = `Tom & Jerry's <guide> to "joint" pain & rest.`;
const KEYWORDS = `Joint pain & stiffness, R&D, <b>tags</b>, "quoted", it's`;
const NOTE = `Ask: "What helps you?" Then say that 3 < 5 & 7 > 5 on the scale, and it's fine to stop.`;
const QR = 'https://clinic.example/conditions/knees-and-hips?from=brochure&lang=en';

/** Text compared without line breaks and the spaces readers put at them. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const compact = (text: string) => text.replace(/\s+/g, '');

describe('a clinic whose words hold & < > " \' in every output, read by the programs people use', () => {
  const project = tempProject('symbols');
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const out = (...parts: string[]) => path.join(project.dir, 'output/en/knees-and-hips', ...parts);
  let report: BuildReport;
  beforeAll(async () => {
    report = await build({ config: await loadConfig({ cwd: project.dir, env: {}, flags: { today: '2026-12-01' } }), browser });
  });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });

  it('builds every format', () => {
    expect(report.documents[0]).toMatchObject({ status: 'built', title: TITLE });
    expect(report.documents[0]!.outputs).toHaveLength(10);
  });

  it('writes PDFs that qpdf passes, whose metadata and text poppler and pdf.js read as written', async (ctx) => {
    const { missing } = findReaders(['qpdf', 'pdftotext']);
    if (missing) ctx.skip(missing);
    const pdfs = readdirSync(out())
      .filter((name) => name.endsWith('.pdf'))
      .sort();
    expect(pdfs).toEqual([
      'brochure-print.pdf',
      'brochure.pdf',
      'handout-print.pdf',
      'handout.pdf',
      'large-print-print.pdf',
      'large-print.pdf',
      'slides-notes.pdf',
      'slides.pdf',
    ]);
    for (const name of pdfs) {
      const check = qpdfCheck(out(name));
      expect(check.ok, `${name}: ${check.output}`).toBe(true);
      const info = popplerInfo(out(name));
      expect({ Title: info.Title, Author: info.Author, Subject: info.Subject, Keywords: info.Keywords }, name).toEqual({
        Title: TITLE,
        Author: CLINIC,
        Subject: SUMMARY,
        Keywords: KEYWORDS,
      });
      const pdf = await readPdf(out(name));
      expect({ title: pdf.title, author: pdf.author, subject: pdf.subject, keywords: pdf.keywords }, name).toEqual({
        title: TITLE,
        author: CLINIC,
        subject: SUMMARY,
        keywords: KEYWORDS,
      });
      // Printed text, by two readers; wrapped lines are joined, so compare without the breaks.
      for (const text of [compact(popplerText(out(name))), compact(pdf.text.join(' '))]) {
        expect(text, name).toContain(compact(TITLE));
        expect(text, name).not.toMatch(/&amp;|&lt;|&gt;|&quot;|&#/);
      }
    }
    const handout = compact(popplerText(out('handout.pdf')));
    for (const words of [CLINIC, TAGLINE, CONTACT, SUMMARY, 'Arthritis & you: "what" to <know>. NIH & NIAMS.']) expect(handout).toContain(compact(words));
    expect(compact(popplerText(out('slides.pdf')))).toContain(compact(CONTACT));
    expect(compact(popplerText(out('slides-notes.pdf')))).toContain(compact(NOTE));
    expect(compact(popplerText(out('brochure.pdf')))).toContain(compact(CLINIC));
  });

  it('writes a PowerPoint file every part of which a strict XML parser reads, with the clinic, title and notes as written', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out('slides.pptx')));
    const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
    expect(parts.length).toBeGreaterThan(20);
    for (const name of parts) expect(await strictXmlError(await zip.file(name)!.async('string')), name).toBeUndefined();
    const part = (name: string) => zip.file(name)!.async('string');
    expect(await xmlElementTexts(await part('docProps/app.xml'), 'Company')).toEqual([CLINIC]);
    const core = await part('docProps/core.xml');
    expect(await xmlElementTexts(core, 'dc:title')).toEqual([TITLE]);
    expect(await xmlElementTexts(core, 'dc:creator')).toEqual([CLINIC]);
    expect(await xmlElementTexts(core, 'dc:subject')).toEqual([SUMMARY]);
    expect(await xmlElementTexts(core, 'dc:language')).toEqual(['en']);
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
        .map(part),
    );
    const said = (await Promise.all(notes.map((xml) => xmlElementTexts(xml, 'a:p')))).flat().map(flat);
    expect(said).toContain(NOTE);
  });

  it('writes web pages, a catalog and a manifest that give the words as written', () => {
    const page = (file: string) => fromHtml(readFileSync(file, 'utf8'));
    for (const name of ['handout.html', 'slides.html']) {
      const tree = page(out(name));
      expect(toText(select('title', tree)!), name).toBe(TITLE);
      const text = flat(toText(select('body', tree)!));
      for (const words of [CLINIC, CONTACT]) expect(text, name).toContain(words);
    }
    expect(flat(toText(select('body', page(out('handout.html')))!))).toContain(TAGLINE);
    expect(flat(toText(select('.deck-notes', page(out('slides.html')))!))).toContain(NOTE);
    const catalog = page(path.join(project.dir, 'output/index.html'));
    expect(flat(toText(select('header', catalog)!))).toContain(CLINIC);
    expect(flat(toText(select('.card h2', catalog)!))).toBe(TITLE);
    const manifest = JSON.parse(readFileSync(path.join(project.dir, 'output/manifest.json'), 'utf8')) as BuildReport;
    expect(manifest.documents[0]).toMatchObject({ title: TITLE, condition: 'Joint pain & stiffness' });
  });

  it("prints a QR code that zbar reads, from a 300 dpi render, as the page's address with its &", async (ctx) => {
    const { missing } = findReaders(['zbarimg', 'pdftoppm', 'pdftotext']);
    if (missing) ctx.skip(missing);
    expect(zbarCodes(out('brochure.pdf'), 1)).toEqual([QR]);
    expect(compact(popplerText(out('brochure.pdf')))).toContain(compact(QR));
  });

  it('leaves no file half-escaped: no output holds an entity twice escaped', () => {
    const files = readdirSync(out(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(html|json)$/.test(e.name));
    for (const entry of files)
      expect(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'), entry.name).not.toMatch(/&amp;(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/i);
  });
});
