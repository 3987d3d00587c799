import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { build } from '../../src/pipeline/build.js';
import type { BuildReport } from '../../src/report/types.js';
import { readPdf, type PdfFacts } from '../helpers/pdf.js';
import { tempProject } from '../helpers/project.js';

const CONDITIONS = {
  'multiple-sclerosis': { title: 'Stem cell treatment for multiple sclerosis', own: 'What is multiple sclerosis?' },
  'spinal-cord-injury': { title: 'Stem cell treatment for spinal cord injury', own: 'What is a spinal cord injury?' },
  'sjogrens-syndrome': { title: "Stem cell treatment for Sjögren's syndrome", own: "What is Sjögren's syndrome?" },
} as const;
const FILES = ['handout.pdf', 'handout.html', 'large-print.pdf', 'brochure.pdf', 'slides.pdf', 'slides.html'];
const SHARED = ['What are stem cells?', 'What are mesenchymal stem cells?', 'Can stem cells help chronic pain?', 'Questions to ask your care team'];

describe("building the clinic's content with a real Chromium", () => {
  const project = tempProject();
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  let report: BuildReport;
  const out = (...parts: string[]) => path.join(project.dir, 'output', ...parts);

  beforeAll(async () => {
    const config = resolveConfig({ flags: {}, cwd: project.dir, now: new Date('2026-12-01') });
    report = await build({ config, cwd: project.dir, browser });
  });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });

  it('builds every document, in English and Spanish, with every file, the catalog and the manifest', () => {
    expect(report.summary).toMatchObject({ built: 6, failed: 0, skipped: 0 });
    for (const lang of ['en', 'es']) {
      for (const slug of Object.keys(CONDITIONS)) {
        for (const file of FILES) expect(existsSync(out(lang, slug, file)), `${lang}/${slug}/${file}`).toBe(true);
      }
    }
    const manifest = JSON.parse(readFileSync(out('manifest.json'), 'utf8'));
    expect(manifest.documents.map((doc: { lang: string }) => doc.lang).sort()).toEqual(['en', 'en', 'en', 'es', 'es', 'es']);
    for (const doc of manifest.documents) {
      expect(doc.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(doc.diagnostics).toEqual([]);
    }
    const english = manifest.documents.filter((doc: { lang: string }) => doc.lang === 'en');
    for (const doc of english) {
      expect(doc.readability.grade).toBeGreaterThan(0);
      expect(doc.readability.grade).toBeLessThanOrEqual(8);
      expect(doc.readability).toMatchObject({ target: 8, words: expect.any(Number), smog: expect.any(Number) });
    }
    // Spanish is measured with a formula made for Spanish (INFLESZ), within its target.
    for (const doc of manifest.documents.filter((d: { lang: string }) => d.lang === 'es')) {
      expect(doc.readability).toMatchObject({ scale: 'INFLESZ', formula: 'Szigriszt-Pazos', target: 65 });
      expect(doc.readability.score).toBeGreaterThanOrEqual(65);
    }
    const catalog = readFileSync(out('index.html'), 'utf8');
    for (const doc of english) {
      expect(catalog).toContain(`>${doc.readability.grade}<`);
      expect(catalog).toContain(`datetime="${doc.review_due}"`);
    }
    for (const lang of ['en', 'es']) {
      for (const slug of Object.keys(CONDITIONS)) {
        for (const file of FILES) expect(catalog).toContain(`href="${lang}/${slug}/${file}"`);
      }
    }
  });

  describe.each(Object.entries(CONDITIONS))('%s', (slug, condition) => {
    let handout: PdfFacts;
    let slides: PdfFacts;
    beforeAll(async () => {
      handout = await readPdf(out('en', slug, 'handout.pdf'));
      slides = await readPdf(out('en', slug, 'slides.pdf'));
    });

    it('prints the handout on A4 with its metadata, tags, outline and embedded fonts', () => {
      expect(handout.pages).toBeGreaterThanOrEqual(2);
      expect(handout.pages).toBeLessThanOrEqual(4);
      for (const size of handout.sizes) {
        expect(size.width).toBeCloseTo(595.3, 0);
        expect(size.height).toBeCloseTo(841.9, 0);
      }
      expect(handout.title).toBe(condition.title);
      expect(handout.author).toBe('Northgate Pain & Spine Clinic');
      expect(handout.lang).toBe('en');
      expect(handout.creationDate?.toISOString()).toBe('2026-11-02T00:00:00.000Z');
      expect(handout.tagged).toBe(true);
      expect(handout.outline).toEqual(expect.arrayContaining([condition.title, condition.own, ...SHARED]));
      expect(handout.fonts.length).toBeGreaterThan(0);
      expect(handout.fonts.every((font) => font.embedded && font.name.includes('AtkinsonHyperlegible'))).toBe(true);
    });

    it("holds its own section and the shared ones, and no other condition's", () => {
      const text = handout.text.join('\n');
      for (const heading of [condition.own, ...SHARED]) expect(text).toContain(heading);
      for (const [other, facts] of Object.entries(CONDITIONS)) if (other !== slug) expect(text).not.toContain(facts.own);
      expect(text).toContain('This treatment is experimental');
      expect(text).toContain('This handout is for general education only');
      expect(handout.text[0]).toContain(`Page 1 of ${handout.pages}`);
      expect(handout.text.at(-1)).toContain(`Page ${handout.pages} of ${handout.pages}`);
    });

    it('prints the deck as 16:9 slides: a title slide, one per section, and a closing slide', () => {
      const html = readFileSync(out('en', slug, 'slides.html'), 'utf8');
      // Each slide's first heading (the title slide has the clinic's logo above it).
      const headings = [...html.matchAll(/<section[^>]*>\s*(?:<div class="logo">[\s\S]*?<\/div>\s*)?<h[12][^>]*>([^<]*)<\/h[12]>/g)].map((m) =>
        m[1]?.replace(/&#x27;|&#39;/g, "'"),
      );
      expect(headings[0]).toBe(condition.title);
      expect(headings).toEqual(expect.arrayContaining([condition.own, ...SHARED, 'Sources and more information']));
      const sectionCount = headings.length - 2;
      expect(slides.pages).toBe(sectionCount + 2);
      for (const size of slides.sizes) expect([size.width, size.height]).toEqual([960, 540]);
      expect(slides.text[0]).toContain(condition.title);
      expect(slides.tagged).toBe(true);
      expect(html).toMatch(/<aside id="notes-2" data-slide="2"><p>Stem cells are/);
    });
  });
});

describe('paper size from config', () => {
  const project = tempProject();
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 1 });
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });

  it('prints US Letter when asked', async () => {
    const config = resolveConfig({ flags: { paper: 'Letter', formats: ['handout-pdf'] }, cwd: project.dir, now: new Date('2026-12-01') });
    const report = await build({ config, sources: ['content/multiple-sclerosis.md'], cwd: project.dir, browser });
    expect(report.documents.map((d) => d.outputs.map((o) => o.format))).toEqual([['handout-pdf']]);
    const pdf = await readPdf(path.join(project.dir, 'output/en/multiple-sclerosis/handout.pdf'));
    expect(pdf.sizes[0]!.width).toBeCloseTo(612, 0);
    expect(pdf.sizes[0]!.height).toBeCloseTo(792, 0);
    expect(existsSync(path.join(project.dir, 'output/en/multiple-sclerosis/slides.pdf'))).toBe(false);
  });
});
