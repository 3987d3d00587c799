import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { xmlElementTexts } from '../helpers/readers.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { build } from '../../src/pipeline/build.js';
import type { BuildReport } from '../../src/report/types.js';
import { readPdf } from '../helpers/pdf.js';
import { tempProject } from '../helpers/project.js';

const MM = 72 / 25.4;

/** What the deck of the multiple sclerosis document says, slide by slide (from slides.html's notes). */
function notesOf(html: string): string[] {
  return [...html.matchAll(/<aside id="notes-\d+" data-slide="\d+">([\s\S]*?)<\/aside>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe('what a clinician needs for the talk: notes handout, PowerPoint, slide pictures', () => {
  const project = tempProject();
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const out = (...parts: string[]) => path.join(project.dir, 'output/en/multiple-sclerosis', ...parts);
  let report: BuildReport;
  const run = () =>
    build({
      config: resolveConfig({ flags: { formats: ['slides'] }, cwd: project.dir, now: new Date('2026-12-01') }),
      sources: ['content/multiple-sclerosis.md'],
      browser,
      force: true,
    });

  beforeAll(async () => {
    report = await run();
  });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });

  it('builds every slide format with no diagnostics', () => {
    const [doc] = report.documents;
    expect(doc).toMatchObject({ status: 'built', diagnostics: [] });
    expect(doc!.outputs.map((o) => o.format)).toEqual(['slides-pdf', 'slides-html', 'slides-notes-pdf', 'slides-pptx', 'slides-png']);
  });

  it('prints each slide with its own speaker notes below it, on a portrait page with the brand footer', async () => {
    const notes = notesOf(readFileSync(out('slides.html'), 'utf8'));
    const slides = await readPdf(out('slides.pdf'));
    const pdf = await readPdf(out('slides-notes.pdf'));
    expect(pdf.pages).toBe(slides.pages);
    expect(pdf).toMatchObject({ tagged: true, title: 'Stem cell treatment for multiple sclerosis', author: 'Northgate Pain & Spine Clinic', lang: 'en' });
    for (const size of pdf.sizes) expect([size.width / MM, size.height / MM].map(Math.round)).toEqual([210, 297]);
    pdf.text.forEach((text, i) => {
      // The slide itself is on the page as text (its heading), then its notes, then the footer.
      expect(text).toContain(slides.text[i]!.split(' ').slice(0, 4).join(' '));
      const said = notes[i]!.split(/(?<=[.?!])\s/)[0]!;
      if (said) expect(text.replace(/\s+/g, ' ')).toContain(said);
      expect(text).toContain(`Page ${i + 1} of ${pdf.pages}`);
      expect(text).toContain('Northgate Pain & Spine Clinic · Stem cell treatment for multiple sclerosis · Speaker notes');
    });
    // A slide's notes are on its page only.
    const second = notes[1]!.split(/(?<=[.?!])\s/)[0]!;
    expect(pdf.text.filter((text) => text.replace(/\s+/g, ' ').includes(second))).toHaveLength(1);
  });

  it('writes slides.pptx with one slide part per slide, its title and notes, and the title in the properties', async () => {
    const notes = notesOf(readFileSync(out('slides.html'), 'utf8'));
    const zip = await JSZip.loadAsync(readFileSync(out('slides.pptx')));
    const slideParts = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slideParts).toHaveLength(notes.length);
    const pdf = await readPdf(out('slides.pdf'));
    for (let i = 1; i <= notes.length; i++) {
      const slide = await zip.file(`ppt/slides/slide${i}.xml`)!.async('string');
      // The slide's words are its own text, the first of them its title placeholder's.
      expect(slide).toMatch(/<p:ph[^>]*type="title"/);
      const words = (await xmlElementTexts(slide, 'a:t')).join(' ');
      expect(words.replace(/\s+/g, ' '), `slide ${i}`).toContain(pdf.text[i - 1]!.trim().split(' ').slice(0, 3).join(' '));
      const notesXml = await zip.file(`ppt/notesSlides/notesSlide${i}.xml`)!.async('string');
      const firstWords = notes[i - 1]!.split(' ').slice(0, 6).join(' ');
      // Read by a strict XML parser: entities decoded once, each paragraph of the notes a paragraph of its own.
      const paragraphs = await xmlElementTexts(notesXml, 'a:p');
      if (firstWords) expect(paragraphs.join('\n').replace(/[ \t]+/g, ' ')).toContain(firstWords);
    }
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Stem cell treatment for multiple sclerosis</dc:title>');
    expect(core).toContain('<dc:creator>Northgate Pain &amp; Spine Clinic</dc:creator>');
    expect(core).toContain('2026-11-02T00:00:00Z');
  });

  it('writes a 1920x1080 picture of every slide, and the same bytes on a rebuild (pictures and PowerPoint)', async () => {
    const slides = (await readPdf(out('slides.pdf'))).pages;
    const output = report.documents[0]!.outputs.find((o) => o.format === 'slides-png')!;
    expect(output.files).toEqual(Array.from({ length: slides }, (_, i) => `output/en/multiple-sclerosis/slides/${String(i + 1).padStart(3, '0')}.png`));
    for (const file of output.files!) {
      const png = readFileSync(path.join(project.dir, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
    }
    const before = [readFileSync(out('slides.pptx')), readFileSync(out('slides/001.png'))];
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await run();
    expect(readFileSync(out('slides.pptx')).equals(before[0]!)).toBe(true);
    expect(readFileSync(out('slides/001.png')).equals(before[1]!)).toBe(true);
  });
});
