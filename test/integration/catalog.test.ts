import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { formatById } from '../../src/formats/registry.js';
import { build } from '../../src/pipeline/build.js';
import type { Manifest } from '../../src/write/manifest.js';
import { REPO, tempProject } from '../helpers/project.js';

const TITLES = {
  ms: 'Stem cell treatment for multiple sclerosis',
  sjogren: "Stem cell treatment for Sjögren's syndrome",
  sci: 'Stem cell treatment for spinal cord injury',
};

/**
 * The catalog as a person opens it: the clinic's content built in every format with a real
 * Chromium, then `output/index.html` opened from disk. A second build makes three cards differ:
 * multiple sclerosis fails (its review is overdue) and keeps the files of the first build,
 * Sjögren's syndrome is due for review soon, spinal cord injury is up to date.
 */
describe('the catalog, opened from file://', () => {
  const project = tempProject();
  const manager = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  const catalog = path.join(project.dir, 'output', 'index.html');
  const catalogUrl = pathToFileURL(catalog).href;
  let manifest: Manifest;
  let browser: Browser;
  const pages: Page[] = [];
  /** Every request a catalog page made, and every message it logged. */
  const requests: string[] = [];
  const consoleMessages: string[] = [];

  const edit = (file: string, from: string, to: string) => {
    const full = path.join(project.dir, 'content', file);
    const text = readFileSync(full, 'utf8');
    expect(text).toContain(from);
    writeFileSync(full, text.replace(from, to));
  };

  async function open(options: { javaScript?: boolean; bypassCsp?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage();
    pages.push(page);
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => consoleMessages.push(message.text()));
    await page.setJavaScriptEnabled(options.javaScript ?? true);
    if (options.bypassCsp) await page.setBypassCSP(true);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(catalogUrl, { waitUntil: 'load' });
    return page;
  }

  const visibleTitles = async (page: Page) =>
    (
      await page.$$eval('article[data-card]', (cards) =>
        cards
          .filter((card) => !(card as HTMLElement).hidden && (card as HTMLElement).offsetParent !== null)
          .map((card) => card.querySelector('h2')?.textContent ?? ''),
      )
    ).sort();
  const countText = (page: Page) => page.$eval('#catalog-count', (element) => element.textContent);

  beforeAll(async () => {
    const config = (today: string) => resolveConfig({ flags: {}, cwd: project.dir, now: new Date(today) });
    const first = await build({ config: config('2026-12-01'), cwd: project.dir, browser: manager });
    expect(first.summary).toMatchObject({ failed: 0 });
    expect(first.summary.built).toBeGreaterThanOrEqual(3);
    edit('multiple-sclerosis.md', 'review_due: 2027-11-02', 'review_due: 2026-11-20');
    edit('sjogrens-syndrome.md', 'review_due: 2027-11-02', 'review_due: 2026-12-20');
    const second = await build({ config: config('2026-12-01'), cwd: project.dir, browser: manager });
    expect(second.summary.failed).toBe(1);
    expect(second.documents.filter((doc) => doc.status === 'failed').map((doc) => doc.source)).toEqual(['content/multiple-sclerosis.md']);
    manifest = JSON.parse(readFileSync(path.join(project.dir, 'output', 'manifest.json'), 'utf8')) as Manifest;
    browser = await puppeteer.connect({ browserWSEndpoint: inject('browserEndpoint') });
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.disconnect();
    await manager.dispose();
    project.cleanup();
  });

  it('links every file of every document by a relative address that resolves on disk', async () => {
    const page = await open();
    const all = await page.$$eval('a[href]', (anchors) =>
      anchors.map((a) => ({
        raw: a.getAttribute('href') ?? '',
        url: (a as HTMLAnchorElement).href,
        target: document.getElementById((a.getAttribute('href') ?? '').slice(1)) !== null,
      })),
    );
    // Links between translations of one document point at its other cards, which exist.
    const inPage = all.filter((link) => link.raw.startsWith('#'));
    expect(inPage.length).toBeGreaterThan(0);
    for (const link of inPage) expect(link.target, link.raw).toBe(true);
    const links = all.filter((link) => !link.raw.startsWith('#'));
    const expected = manifest.documents.flatMap((doc) => doc.outputs.map((output) => path.join(project.dir, output.file)));
    // Every format of every document, the failed one still listing the files of the first build.
    expect(expected.length).toBeGreaterThanOrEqual(10 * manifest.documents.length);
    expect(links.map((link) => fileURLToPath(link.url)).sort()).toEqual(expected.sort());
    for (const link of links) {
      expect(link.raw, link.raw).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/)/i);
      expect(existsSync(fileURLToPath(link.url)), link.url).toBe(true);
    }
  });

  it('shows the pictures of the first page and the title slide, loaded from files beside it', async () => {
    const page = await open();
    const images = await page.$$eval('img[src]', (list) =>
      list.map((img) => ({
        raw: img.getAttribute('src') ?? '',
        url: (img as HTMLImageElement).src,
        alt: img.getAttribute('alt'),
        width: (img as HTMLImageElement).naturalWidth,
      })),
    );
    for (const image of images) {
      expect(image.width, image.url.slice(0, 80)).toBeGreaterThan(0);
      if (image.url.startsWith('data:')) continue;
      expect(image.raw).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/)/i);
      expect(existsSync(fileURLToPath(image.url)), image.url).toBe(true);
    }
    const pictures = manifest.documents.flatMap((doc) =>
      doc.outputs.filter((output) => formatById(output.format)?.picture).map((output) => path.join(project.dir, output.file)),
    );
    // The first page of each handout and the title slide of each deck.
    expect(pictures).toHaveLength(2 * manifest.documents.length);
    const thumbnails = images.filter((image) => !image.url.startsWith('data:'));
    expect(thumbnails.map((image) => fileURLToPath(image.url)).sort()).toEqual(pictures.sort());
    for (const image of thumbnails) expect(image.alt).toMatch(/^(First page|Title slide) of “.+”$/);
  });

  it('marks the failed document with its error, and the reviews overdue and due soon', async () => {
    const page = await open();
    const cards = await page.$$eval('article[data-card]', (list) =>
      list.map((card) => ({
        title: card.querySelector('h2')?.textContent,
        badges: Array.from(card.querySelectorAll('.badge')).map((badge) => badge.textContent),
        problems: Array.from(card.querySelectorAll('.problems li')).map((item) => item.textContent?.replace(/\s+/g, ' ')),
      })),
    );
    const byTitle = Object.fromEntries(cards.map((card) => [card.title, card]));
    expect(byTitle[TITLES.ms]?.badges).toEqual(['Failed in the last build', 'Review overdue']);
    expect(byTitle[TITLES.ms]?.problems).toEqual([expect.stringMatching(/^Error: Review was due on 2026-11-20 .* at content\/multiple-sclerosis\.md:7:\d+$/)]);
    expect(byTitle[TITLES.sjogren]?.badges).toEqual(['Built', 'Review due soon']);
    expect(byTitle[TITLES.sci]?.badges).toEqual(['Built']);
    expect(byTitle[TITLES.sci]?.problems).toEqual([]);
  });

  it('filters by condition, language and status, keeping the count announced, from the keyboard too', async () => {
    const page = await open();
    const total = manifest.documents.length;
    // Compared without order: the catalog orders cards by slug, translations together.
    const titlesWhere = (test: (doc: Manifest['documents'][number]) => boolean) =>
      manifest.documents
        .filter(test)
        .map((doc) => doc.title)
        .sort();
    const showing = (titles: unknown[]) => `Showing ${titles.length} of ${total} documents`;
    expect(await page.$eval('#catalog-filters', (form) => (form as HTMLFormElement).hidden)).toBe(false);
    expect(await visibleTitles(page)).toEqual(titlesWhere(() => true));
    expect(await countText(page)).toBe(showing(manifest.documents));

    await page.select('#filter-condition', 'Spinal cord injury');
    const sci = titlesWhere((doc) => doc.condition === 'Spinal cord injury');
    expect(sci).toContain(TITLES.sci);
    expect(await visibleTitles(page)).toEqual(sci);
    expect(await countText(page)).toBe(showing(sci));

    await page.select('#filter-status', 'failed');
    expect(await visibleTitles(page)).toEqual([]);
    expect(await countText(page)).toMatch(/^No documents match/);

    await page.select('#filter-condition', '');
    expect(await visibleTitles(page)).toEqual([TITLES.ms]);
    expect(await countText(page)).toBe(showing([TITLES.ms]));
    await page.select('#filter-status', 'review-overdue');
    expect(await visibleTitles(page)).toEqual([TITLES.ms]);
    await page.select('#filter-status', 'review-soon');
    expect(await visibleTitles(page)).toEqual([TITLES.sjogren]);
    await page.select('#filter-status', 'built');
    const built = titlesWhere((doc) => doc.status === 'built');
    expect(built).not.toContain(TITLES.ms);
    expect(await visibleTitles(page)).toEqual(built);
    expect(await countText(page)).toBe(showing(built));
    await page.select('#filter-lang', 'en');
    expect(await visibleTitles(page)).toEqual(titlesWhere((doc) => doc.status === 'built' && doc.lang === 'en'));

    // "Show all", reached and pressed with the keyboard.
    await page.focus('#filter-status');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show all');
    await page.keyboard.press('Enter');
    await page.waitForFunction((text) => document.getElementById('catalog-count')?.textContent === text, { polling: 100 }, showing(manifest.documents));
    expect(await visibleTitles(page)).toEqual(titlesWhere(() => true));

    // A select changed with the arrow keys filters at once.
    await page.focus('#filter-status');
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('#filter-status', (select) => (select as HTMLSelectElement).value)).toBe('built');
    expect(await visibleTitles(page)).toEqual(built);
    expect(await page.$eval('#catalog-count', (element) => element.getAttribute('aria-live'))).toBe('polite');
  });

  it('shows every card, and no filter that would do nothing, without JavaScript', async () => {
    const page = await open({ javaScript: false });
    expect(await page.$eval('#catalog-filters', (form) => (form as HTMLElement).offsetParent === null)).toBe(true);
    expect(await visibleTitles(page)).toEqual(manifest.documents.map((doc) => doc.title).sort());
    expect(manifest.documents.map((doc) => doc.title)).toEqual(expect.arrayContaining(Object.values(TITLES)));
  });

  it('has no serious or critical accessibility problem (axe-core)', async () => {
    const page = await open({ bypassCsp: true });
    await page.addScriptTag({ content: readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    // The filters are on screen: the page's own script ran.
    expect(await page.$eval('#catalog-filters', (form) => (form as HTMLElement).offsetParent !== null)).toBe(true);
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[]; passes: unknown[] }>;
          };
        }
      ).axe;
      const { violations, passes } = await axe.run(document, { resultTypes: ['violations'] });
      return {
        passes: passes.length,
        violations: violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((node) => node.target.join(' ')) })),
      };
    });
    expect(result.passes).toBeGreaterThan(0);
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('asks nothing of any address but its own files and data: URLs, and breaks no rule of its policy', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
    expect(consoleMessages.filter((message) => /Content Security Policy|Refused/i.test(message))).toEqual([]);
  });
});
