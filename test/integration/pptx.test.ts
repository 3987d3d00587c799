import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { loadConfig } from '../../src/config/load.js';
import { build } from '../../src/pipeline/build.js';
import { readPdf } from '../helpers/pdf.js';
import { tempProject } from '../helpers/project.js';
import { strictXmlError, xmlElementTexts } from '../helpers/readers.js';

/**
 * slides.pptx as people edit it: a deck with every layout, a nested list, a table and a picture
 * (test/fixtures/deck), and the clinic's own deck on multiple sclerosis, each built by a real
 * Chromium and read back part by part with a strict XML parser.
 */
const words = (text: string): string[] => Array.from(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

describe('slides.pptx, made of PowerPoint objects', () => {
  const project = tempProject('deck');
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const out = (...parts: string[]) => path.join(project.dir, 'output/en/back-pain', ...parts);
  const run = async (extra = '') => {
    writeFileSync(path.join(project.dir, 'handouts.config.yaml'), extra);
    const config = await loadConfig({ cwd: project.dir, env: {}, flags: { formats: ['slides-pdf', 'slides-pptx'], today: '2026-12-01' } });
    return build({ config, browser });
  };
  let zip: JSZip;
  const part = (name: string) => zip.file(name)!.async('string');
  const slides = async () => Promise.all(Array.from({ length: (await readPdf(out('slides.pdf'))).pages }, (_, i) => part(`ppt/slides/slide${i + 1}.xml`)));
  beforeAll(async () => {
    expect((await run()).summary.failed).toBe(0);
    zip = await JSZip.loadAsync(readFileSync(out('slides.pptx')));
  });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });

  it('has every part well formed, and one slide per slide of the deck', async () => {
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) expect(await strictXmlError(await part(name)), name).toBeUndefined();
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength((await readPdf(out('slides.pdf'))).pages);
  });

  it("makes each slide's heading its title placeholder", async () => {
    const titles = await Promise.all(
      (await slides()).map(async (xml) => {
        const shape = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*<p:ph[^>]*type="title"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '';
        return (await xmlElementTexts(`<r xmlns:a="a" xmlns:p="p" xmlns:r="r">${shape}</r>`, 'a:t')).join('');
      }),
    );
    expect(titles).toEqual([
      'Looking after your back',
      'What helps most',
      'Looking after your back at home',
      'Where the pain starts',
      'When to take what',
      'How common it is',
      "In a patient's words",
      'What you can do',
      'Sources and more information',
    ]);
  });

  it('writes lists as bulleted paragraphs with their levels, tables as tables, pictures with their alt text', async () => {
    const [, list, , image, table] = await slides();
    // Two items at the top level with two under the first: four bullets, two of them at level 1.
    expect(list!.match(/<a:buChar char="•"\/>/g)).toHaveLength(3);
    expect(list!.match(/<a:pPr[^>]* lvl="1"[^>]*>/g)).toHaveLength(2);
    expect(list!.match(/<a:buChar char="◦"\/>/g)).toHaveLength(2);
    expect(list).toContain('<a:buClr><a:srgbClr val="0F7B6C"/></a:buClr>');
    expect(table).toContain('<a:tbl>');
    const cells = await xmlElementTexts(table!.slice(table!.indexOf('<a:tbl>'), table!.indexOf('</a:tbl>') + 8), 'a:t');
    expect(cells).toEqual(['When', 'What to do', 'Morning', 'Stretch for 5 minutes', 'Night', 'Use heat for 20 minutes']);
    expect(image).toMatch(/<p:pic>[\s\S]*descr="A round joint drawn in green"/);
    // The brand's font on every run, its colours from brand.yaml.
    expect(list).toContain('<a:latin typeface="Atkinson Hyperlegible"/>');
  });

  it("holds 90% or more of every slide's words in that slide's own text runs, and its notes as text", async () => {
    const pdf = await readPdf(out('slides.pdf'));
    const xml = await slides();
    for (const [i, page] of pdf.text.entries()) {
      const expected = words(page);
      const runs = words((await xmlElementTexts(xml[i]!, 'a:t')).join(' '));
      const held = expected.filter((word) => runs.includes(word)).length / expected.length;
      expect(held, `slide ${i + 1}: ${expected.filter((word) => !runs.includes(word)).join(' ')}`).toBeGreaterThanOrEqual(0.9);
    }
    const notes = (await xmlElementTexts(await part('ppt/notesSlides/notesSlide1.xml'), 'a:p')).join(' ');
    expect(notes).toContain('This talk is for people with low back pain.');
  });

  it('carries the brand in its slide masters: the bar, the title placeholder, the theme colours and fonts', async () => {
    const layouts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))
        .map(part),
    );
    const content = layouts.find((xml) => xml.includes('name="Content slide"'))!;
    expect(content).toContain('<p:ph');
    expect(content).toContain('type="title"');
    expect(content).toContain('1D4E89');
    expect(layouts.some((xml) => xml.includes('name="Title slide"') && xml.includes('EEF3F9'))).toBe(true);
    const theme = await part('ppt/theme/theme1.xml');
    expect(theme).toContain('<a:clrScheme name="Brand"><a:dk1><a:srgbClr val="1A1A1A"/></a:dk1>');
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Atkinson Hyperlegible"/);
  });

  it('gives the same bytes on a rebuild', async () => {
    const before = readFileSync(out('slides.pptx'));
    await build({ config: await loadConfig({ cwd: project.dir, env: {}, flags: { formats: ['slides-pptx'], today: '2026-12-01' } }), browser, force: true });
    expect(readFileSync(out('slides.pptx')).equals(before)).toBe(true);
  });

  it('is a picture of each slide with `pptx: pictures` in the config, which rebuilds it', async () => {
    expect((await run('pptx: pictures\n')).documents[0]!.outputs.find((o) => o.format === 'slides-pptx')).toBeDefined();
    const pictures = await JSZip.loadAsync(readFileSync(out('slides.pptx')));
    const first = await pictures.file('ppt/slides/slide2.xml')!.async('string');
    expect(first).toContain('<p:pic>');
    expect(await xmlElementTexts(first, 'a:t')).toEqual([]);
    expect(Object.keys(pictures.files).filter((n) => /^ppt\/media\/.*\.png$/.test(n))).toHaveLength(9);
  });
});
