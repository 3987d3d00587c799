import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { build } from '../../src/pipeline/build.js';
import type { Manifest } from '../../src/write/manifest.js';
import { tempProject } from '../helpers/project.js';
import { launchFirefox } from '../helpers/readers.js';

/**
 * `slides.html` and the catalog as people open them from disk, driven the same way in Chromium
 * and in Firefox ESR (Puppeteer through WebDriver BiDi): keys, the presenter view, the filters;
 * no console error, no request beyond the file itself, and no breach of the page's policy (its
 * script hash accepted: the script ran, and no `securitypolicyviolation` event fired).
 */
const project = tempProject();
const out = (...parts: string[]) => path.join(project.dir, 'output', ...parts);
let manifest: Manifest;

beforeAll(async () => {
  const manager = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  try {
    const config = resolveConfig({
      flags: { formats: ['slides-html', 'handout-html', 'handout-png', 'slides-png'] },
      cwd: project.dir,
      now: new Date('2026-12-01'),
    });
    expect((await build({ config, browser: manager })).summary).toMatchObject({ built: 6, failed: 0 });
  } finally {
    await manager.dispose();
  }
  manifest = JSON.parse(readFileSync(out('manifest.json'), 'utf8')) as Manifest;
});
afterAll(() => project.cleanup());

/** Opens a file:// page in a fresh context, recording console errors, page errors, policy breaches and requests elsewhere. */
async function open(browser: Browser, url: string) {
  const context = await browser.createBrowserContext();
  const problems: string[] = [];
  const watch = async (page: Page) => {
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`error: ${String(error)}`));
    page.on('request', (request) => {
      const address = request.url();
      if (!address.startsWith('file://') && !address.startsWith('data:')) problems.push(`request: ${address}`);
    });
    await page.evaluateOnNewDocument(`document.addEventListener('securitypolicyviolation', (e) => { (window.__breaches ||= []).push(e.violatedDirective); });`);
    return page;
  };
  const page = await watch(await context.newPage());
  await page.goto(url, { waitUntil: 'load' });
  const breaches = async (p: Page) => (await p.evaluate('JSON.stringify(window.__breaches || [])')) as string;
  return { context, page, problems, watch, breaches };
}

const hashOf = (page: Page) => page.evaluate('location.hash') as Promise<string>;
const shown = (page: Page, selector: string) =>
  page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0).map((e) => e.innerText.replace(/\\s+/g, ' ').trim())`,
  ) as Promise<string[]>;
const until = (page: Page, expression: string) => page.waitForFunction(expression, { polling: 50, timeout: 10_000 });

const browsers: [string, () => Promise<{ browser?: Browser; missing?: string }>][] = [
  [
    'Chromium',
    async () => ({ browser: await puppeteer.connect({ browserWSEndpoint: inject('browserEndpoint'), defaultViewport: { width: 1280, height: 720 } }) }),
  ],
  ['Firefox ESR', launchFirefox],
];

describe.each(browsers)('in %s', (name, start) => {
  let browser: Browser | undefined;
  let missing: string | undefined;
  beforeAll(async () => {
    ({ browser, missing } = await start());
  });
  afterAll(async () => {
    if (name === 'Chromium') await browser?.disconnect();
    else await browser?.close();
  });

  it('presents slides.html: keys move and keep the slide in the address, N shows the notes, ? the key list', async (ctx) => {
    if (missing) ctx.skip(missing);
    const deck = out('en/multiple-sclerosis/slides.html');
    const slides = manifest.documents.find((d) => d.source === 'content/multiple-sclerosis.md')!.outputs.find((o) => o.format === 'slides-html')!.pages!;
    const { context, page, problems, breaches } = await open(browser!, `${pathToFileURL(deck).href}#1`);
    try {
      for (const [key, hash] of [
        ['ArrowRight', '#2'],
        [' ', '#3'],
        ['End', `#${slides}`],
        ['Home', '#1'],
        ['ArrowDown', '#2'],
        ['ArrowLeft', '#1'],
      ] as const) {
        await page.keyboard.press(key);
        await until(page, `location.hash === ${JSON.stringify(hash)}`);
      }
      await page.keyboard.press('3');
      await page.keyboard.press('Enter');
      await until(page, `location.hash === '#3'`);
      // Only the third slide is shown.
      const third = (await page.evaluate(`document.querySelectorAll('div.marpit > section')[2].querySelector('h2').textContent`)) as string;
      expect(await shown(page, 'div.marpit > section h2')).toEqual([third]);
      await page.keyboard.press('n');
      await until(page, `document.documentElement.classList.contains('show-notes')`);
      const notes = await shown(page, '.deck-notes aside');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/\w{4,}/);
      await page.keyboard.press('?');
      await until(page, `!document.querySelector('.deck-help').hidden`);
      await page.keyboard.press('Escape');
      await until(page, `document.querySelector('.deck-help').hidden`);
      expect(await hashOf(page)).toBe('#3');
      expect(await breaches(page)).toBe('[]');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens the presenter view with P, which the deck follows and which follows the deck', async (ctx) => {
    if (missing) ctx.skip(missing);
    const deck = pathToFileURL(out('en/multiple-sclerosis/slides.html')).href;
    const { context, page, problems, watch, breaches } = await open(browser!, `${deck}#2`);
    try {
      const opened = browser!.waitForTarget((target) => target.url().includes('?presenter'), { timeout: 10_000 });
      await page.keyboard.press('p');
      const presenter = await watch((await (await opened).page())!);
      await until(presenter, `document.documentElement.classList.contains('presenter') && location.hash === '#2'`);
      // Driven from the presenter view, the audience's window follows, and the other way round.
      await presenter.keyboard.press('ArrowRight');
      await until(page, `location.hash === '#3'`);
      await page.keyboard.press('ArrowRight');
      await until(presenter, `location.hash === '#4'`);
      expect((await shown(presenter, '.deck-counter')).join(' ')).toMatch(/\b4\b/);
      expect(await breaches(page)).toBe('[]');
      expect(await breaches(presenter)).toBe('[]');
      expect(problems).toEqual([]);
      await presenter.close();
    } finally {
      await context.close();
    }
  });

  it('filters the catalog by condition, language and status, from the keyboard too, and says how many are shown', async (ctx) => {
    if (missing) ctx.skip(missing);
    const { context, page, problems, breaches } = await open(browser!, pathToFileURL(out('index.html')).href);
    const titles = async () => (await shown(page, 'article[data-card] h2')).sort();
    const count = () => page.evaluate(`document.getElementById('catalog-count').textContent`) as Promise<string>;
    try {
      // The filter script ran: the form is shown, which only the script does.
      await until(page, `document.getElementById('catalog-filters').offsetParent !== null`);
      expect(await titles()).toHaveLength(6);
      await page.select('#filter-lang', 'es');
      expect(await titles()).toEqual(
        manifest.documents
          .filter((d) => d.lang === 'es')
          .map((d) => d.title!)
          .sort(),
      );
      expect(await count()).toBe('Showing 3 of 6 documents');
      await page.select('#filter-condition', 'Multiple sclerosis');
      expect(await titles()).toHaveLength(0);
      expect(await count()).toMatch(/^No documents match/);
      await page.select('#filter-lang', 'en');
      expect(await titles()).toEqual(['Stem cell treatment for multiple sclerosis']);
      await page.focus('#filter-status');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await until(page, `document.getElementById('catalog-count').textContent === 'Showing 6 of 6 documents'`);
      expect(await titles()).toHaveLength(6);
      expect(await breaches(page)).toBe('[]');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
