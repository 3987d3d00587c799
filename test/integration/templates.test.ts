import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { build } from '../../src/pipeline/build.js';
import { readPdf } from '../helpers/pdf.js';
import { FIXTURES, REPO } from '../helpers/project.js';
import { xmlElementTexts } from '../helpers/readers.js';

/** A project made of a fixture alone: its templates folder holds only the files the fixture has. */
function fixtureOnly(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'handouts-templates-'));
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
afterAll(() => browser.dispose());

describe('a templates folder holding only brand.yaml', () => {
  const project = fixtureOnly('only-brand');
  afterAll(() => project.cleanup());
  const out = (file: string) => path.join(project.dir, 'output/en/multiple-sclerosis', file);
  const run = () => build({ config: resolveConfig({ flags: {}, cwd: project.dir, now: new Date('2026-12-01') }), browser });

  it('builds every format with that brand, every other file from the built-in templates', async () => {
    expect(readdirSync(path.join(project.dir, 'templates'))).toEqual(['brand.yaml']);
    const report = await run();
    expect(report.summary).toMatchObject({ built: 1, failed: 0 });
    expect(report.documents[0]!.outputs).toHaveLength(10);
    for (const name of ['handout.pdf', 'large-print.pdf', 'brochure.pdf', 'slides.pdf', 'slides-notes.pdf']) {
      const pdf = await readPdf(out(name));
      expect(pdf.author, name).toBe('Riverside Family Health');
      expect(pdf.text.join(' '), name).toContain('Riverside Family Health');
      expect(pdf.text.join(' '), name).not.toContain('Northgate');
    }
    const html = readFileSync(out('handout.html'), 'utf8');
    expect(html).toContain('--brand-primary: #7a1f5c;');
    expect(html).toContain('Care close to home');
    const pptx = await JSZip.loadAsync(readFileSync(out('slides.pptx')));
    expect(await xmlElementTexts(await pptx.file('docProps/app.xml')!.async('string'), 'Company')).toEqual(['Riverside Family Health']);
    expect(await pptx.file('ppt/theme/theme1.xml')!.async('string')).toContain('<a:accent1><a:srgbClr val="7A1F5C"/></a:accent1>');
  });

  it("rebuilds only the formats a template file belongs to when that file is added: the brochure's CSS, the brochure", async () => {
    const before = Object.fromEntries(
      readdirSync(out('.'))
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => [f, statSync(out(f)).mtimeMs]),
    );
    const css = readFileSync(path.join(REPO, 'templates/brochure/brochure.css'), 'utf8');
    cpSync(path.join(REPO, 'templates/brochure'), path.join(project.dir, 'templates/brochure'), { recursive: true });
    writeFileSync(path.join(project.dir, 'templates/brochure/brochure.css'), css.replace('font-size: 10pt;', 'font-size: 9.5pt;'));
    const report = await run();
    expect(report.documents[0]!.status).toBe('built');
    const after = Object.fromEntries(Object.keys(before).map((f) => [f, statSync(out(f)).mtimeMs]));
    expect(Object.keys(before).filter((f) => after[f] !== before[f])).toEqual(['brochure.pdf']);
  });
});

describe('a templates folder holding only the template text of a new language', () => {
  const project = fixtureOnly('only-language');
  afterAll(() => project.cleanup());

  it('builds that language, its words on every page, with the built-in brand and templates', async () => {
    expect(readdirSync(path.join(project.dir, 'templates/i18n'))).toEqual(['fr.yaml']);
    const report = await build({ config: resolveConfig({ flags: { formats: ['pdf'] }, cwd: project.dir, now: new Date('2026-12-01') }), browser });
    expect(report.documents.map((d) => [d.lang, d.status])).toEqual([['fr', 'built']]);
    const handout = await readPdf(path.join(project.dir, 'output/fr/douleur/handout.pdf'));
    expect(handout.lang).toBe('fr');
    const text = handout.text.join(' ');
    for (const words of ['Dernière révision', 'À noter', 'Ce traitement est expérimental', 'Page 1 sur']) expect(text).toContain(words);
    expect(text).toContain('Northgate Pain & Spine Clinic');
    const slides = (await readPdf(path.join(project.dir, 'output/fr/douleur/slides.pdf'))).text.join(' ');
    expect(slides).toContain('Sources et informations');
  });
});
