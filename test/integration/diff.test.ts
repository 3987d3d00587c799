import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { DiffReport } from '../../src/diff/types.js';
import { build } from '../../src/pipeline/build.js';
import { REPO, tempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `handouts diff` on real builds of the clinic's content: a base build, then builds after one
 * word changed in one document, after a change to a shared partial, and of the same sources again.
 */
const FORMATS = ['handout-pdf', 'slides-pdf'];
const project = tempProject();
const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
const file = (...parts: string[]) => path.join(project.dir, ...parts);
const edit = (name: string, from: string, to: string) => {
  const text = readFileSync(file('content', name), 'utf8');
  expect(text).toContain(from);
  writeFileSync(file('content', name), text.replace(from, to));
};
const buildInto = async (out: string, formats = FORMATS) =>
  expect((await build({ config: resolveConfig({ flags: { formats, out }, cwd: project.dir, now: new Date('2026-12-01') }), browser })).summary.failed).toBe(0);
const diff = async (...args: string[]) => {
  const result = await runCli(project.dir, ['diff', ...args]);
  return { ...result, report: () => result.json() as Pick<DiffReport, 'documents' | 'summary'> };
};

beforeAll(async () => {
  await buildInto('base');
  // The same sources again, into a folder of its own: byte-identical files.
  await buildInto('again');
  // One word changed in one document's own text.
  edit('sjogrens-syndrome.md', 'Dry eyes may feel gritty or burn.', 'Dry eyes may feel gritty or sting.');
  await buildInto('one-word');
  // A shared partial changed: every document that includes it changes.
  edit('_partials/stem-cells.md', "Stem cells are the body's starter cells, because", "Stem cells are the body's first cells, because");
  await buildInto('partial');
  // A document added, and a format more.
  cpSync(file('content/multiple-sclerosis.md'), file('content/ms-copy.md'));
  await buildInto('more', [...FORMATS, 'large-print-pdf']);
}, 300_000);
afterAll(async () => {
  await browser.dispose();
  project.cleanup();
});

describe('handouts diff', () => {
  it('lists exactly the document where one word changed, with the word, and exits 1', async () => {
    const result = await diff('base', 'one-word', '--json');
    expect(result.code).toBe(1);
    const { documents, summary } = result.report();
    expect(documents.map((d) => [d.source, d.slug, d.lang, d.status])).toEqual([['content/sjogrens-syndrome.md', 'sjogrens-syndrome', 'en', 'changed']]);
    const handout = documents[0]!.formats.find((f) => f.format === 'handout-pdf')!;
    expect(handout.changed.length).toBeGreaterThan(0);
    const words = handout.changed.flatMap((page) => page.text);
    expect(words.flatMap((t) => t.added).join(' ')).toContain('sting');
    expect(words.flatMap((t) => t.removed).join(' ')).toContain('burn');
    expect(handout.changed[0]).toMatchObject({ kind: 'changed', pixels: expect.any(Number) });
    expect(handout.changed[0]!.pixels).toBeGreaterThan(0);
    expect(summary.documents).toBe(1);
    // Pages whose drawing is byte for byte the same were not drawn: fewer pages drawn than both builds hold.
    expect(summary.drawn).toBeLessThan(2 * (handout.pages.base! + documents[0]!.formats.reduce((sum, f) => sum + (f.pages.base ?? 0), 0)));
  });

  it('lists every document that includes a changed partial', async () => {
    const result = await diff('one-word', 'partial', '--json');
    expect(result.code).toBe(1);
    expect(result.report().documents.map((d) => d.source)).toEqual([
      'content/multiple-sclerosis.md',
      'content/sjogrens-syndrome.md',
      'content/spinal-cord-injury.md',
    ]);
    for (const doc of result.report().documents) {
      const text = doc.formats.flatMap((f) => f.changed.flatMap((page) => page.text));
      expect(text.flatMap((t) => t.added).join(' '), doc.source).toContain('first');
    }
  });

  it('finds nothing in the same folder twice, or in a rebuild of the same sources: exit 0', async () => {
    for (const [a, b] of [
      ['base', 'base'],
      ['base', 'again'],
    ]) {
      const result = await diff(a!, b!, '--json');
      expect(result.code, `${a} ${b}`).toBe(0);
      expect(result.report()).toEqual({ documents: [], summary: { documents: 0, pages: 0, drawn: 0 } });
      expect(result.stderr).toContain('Nothing visible changed.');
    }
  });

  it('lists documents and formats added, with page counts', async () => {
    const { documents } = (await diff('partial', 'more', '--json')).report();
    const added = documents.find((d) => d.source === 'content/ms-copy.md')!;
    expect(added.status).toBe('added');
    const largePrint = documents.flatMap((d) => d.formats).filter((f) => f.format === 'large-print-pdf');
    expect(largePrint.length).toBe(7);
    expect(largePrint.every((f) => f.status === 'added' && f.pages.head! > 0 && f.pages.base === undefined)).toBe(true);
    // The other way round, removed.
    const back = (await diff('more', 'partial', '--json')).report();
    expect(back.documents.find((d) => d.source === 'content/ms-copy.md')!.status).toBe('removed');
  });

  it('refuses a folder that is not an output folder, with a clear message: exit 2', async () => {
    const result = await diff('content', 'base');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: `content` is not the output folder of a build: it has no readable manifest.json');
    expect((await diff('base', 'nowhere')).code).toBe(2);
  });

  it('writes a report that opens from disk with the pictures, the words, a summary and a Markdown summary for CI', async () => {
    const result = await diff('base', 'one-word', '--report', 'review', '--markdown', 'summary.md');
    expect(result.code).toBe(1);
    const html = readFileSync(file('review/index.html'), 'utf8');
    expect(html).toContain('1 document changed:');
    const pictures = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
    expect(pictures.length).toBeGreaterThanOrEqual(3);
    for (const picture of pictures) {
      expect(picture).toMatch(/^pages\/[\w.-]+\.png$/);
      const png = PNG.sync.read(readFileSync(file('review', picture)));
      expect(png.width).toBeGreaterThan(500);
    }
    expect(html).toMatch(/<ins><span class="sr-only">added: <\/span>[^<]*sting/);
    expect(html).toMatch(/<del><span class="sr-only">removed: <\/span>[^<]*burn/);
    const summary = readFileSync(file('summary.md'), 'utf8');
    expect(summary).toContain('1 document changed:');
    expect(summary).toMatch(/\| Stem cell treatment for Sjögren's syndrome \(en\) \| Handout \(PDF\) \| \d/);
  });

  it('loads nothing from elsewhere and has no serious or critical accessibility problem (axe-core)', async () => {
    await diff('base', 'partial', '--report', 'review-axe');
    const connected = await puppeteer.connect({ browserWSEndpoint: inject('browserEndpoint') });
    const page = await connected.newPage();
    try {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(file('review-axe/index.html')).href, { waitUntil: 'load' });
      // The pictures load lazily as a reviewer scrolls: asked for all at once here, every one loads.
      await page.evaluate(`document.querySelectorAll('img').forEach((img) => (img.loading = 'eager'))`);
      await page.waitForFunction(`[...document.images].every((img) => img.complete)`, { timeout: 20_000 });
      expect(await page.evaluate(`document.images.length > 0 && [...document.images].every((img) => img.naturalWidth > 0)`)).toBe(true);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      await page.setBypassCSP(true);
      await page.reload({ waitUntil: 'load' });
      await page.addScriptTag({ content: readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8') });
      const violations = (await page.evaluate(
        `axe.run(document).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))`,
      )) as string[];
      expect(violations).toEqual([]);
    } finally {
      await page.close();
      await connected.disconnect();
    }
    expect(existsSync(file('review-axe/pages'))).toBe(true);
  });
});
