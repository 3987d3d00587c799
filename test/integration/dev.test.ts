import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/start.js';
import { tempProject } from '../helpers/project.js';

/** The authoring loop as a writer lives it: a real server, a real browser, real files saved. */
describe('handouts dev', () => {
  const project = tempProject('cache');
  const source = path.join(project.dir, 'content/alpha.md');
  const original = readFileSync(source, 'utf8');
  let dev: DevServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    dev = await startDevServer({
      cwd: project.dir,
      port: 0,
      env: {},
      flags: { browser_endpoint: inject('browserEndpoint'), today: '2026-12-01', formats: ['handout', 'slides-html'] },
      // A save's build waits for the open preview however slow the machine (the order is tested).
      previewWaitMs: 60_000,
    });
    browser = await puppeteer.connect({ browserWSEndpoint: inject('browserEndpoint') });
    page = await browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
  });
  afterAll(async () => {
    // The server first: what is under test must stop cleanly. The viewing tab belongs to the run's
    // shared browser and may be busy laying out a preview; it is closed without waiting on it.
    await dev?.close();
    await Promise.race([page?.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await browser?.disconnect();
    project.cleanup();
  });

  it('serves on localhost the catalog with working links to every output', async () => {
    expect(dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.goto(dev.url);
    const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    const outputs = links.filter((href) => /\/en\/(alpha|beta|gamma)\//.test(href));
    expect(outputs.length).toBeGreaterThanOrEqual(9);
    for (const href of outputs) expect((await fetch(href)).status, href).toBe(200);
  });

  it('shows the handout as printed pages, and the change a writer saves', async () => {
    await page.goto(`${dev.url}en/alpha/handout.html`);
    // Paged.js lays the printed page out into A4 pages with their running footer.
    await page.waitForSelector('.pagedjs_page', { timeout: 45_000 });
    const pageBox = await page.$eval('.pagedjs_page', (element) => element.getBoundingClientRect().width);
    expect(Math.round((pageBox * 25.4) / 96)).toBe(210);
    expect(await page.$$eval('.pagedjs_page', (pages) => pages.length)).toBeGreaterThanOrEqual(1);
    // The running footer is generated content in the page's margin boxes, as in the PDF.
    const footer = await page.$eval('.pagedjs_margin-bottom-right .pagedjs_margin-content', (element) => getComputedStyle(element, '::after').content);
    expect(footer).toMatch(/Page .*counter\(page\).* of .*counter\(pages\)/);
    writeFileSync(source, original.replace('## Alpha own', '## Alpha own\n\nA sentence saved just now.'));
    // biome-ignore lint/performance/useDomNodeTextContent: the text the writer sees on the page
    await until(page, () => document.body.innerText.includes('A sentence saved just now.'));
  });

  it("rebuilds only the document that changed (from the server's report)", async () => {
    await dev.idle();
    const before = dev.state().build;
    writeFileSync(source, readFileSync(source, 'utf8').replace('A sentence saved just now.', 'A sentence saved again.'));
    await waitFor(() => dev.state().build > before);
    await dev.idle();
    const statuses = Object.fromEntries(dev.state().documents.map((doc) => [doc.slug, doc.status]));
    expect(statuses).toEqual({ alpha: 'built', beta: 'skipped', gamma: 'skipped' });
  });

  it('reloads the open preview at the save, and builds once it is laid out', async () => {
    await dev.idle();
    const preview = await browser.newPage();
    // When the page tells the server it has laid the saved text out (its clock; the server builds after).
    await preview.evaluateOnNewDocument(() => {
      const send = window.fetch;
      window.fetch = (input, init) => {
        // biome-ignore lint/performance/useDomNodeTextContent: the text the writer sees on the page
        if (String(input).includes('/__handouts/shown') && document.body?.innerText.includes('A sentence shown first.'))
          sessionStorage.setItem('shownAt', String(Date.now()));
        return send(input, init);
      };
    });
    await preview.goto(`${dev.url}en/alpha/handout.html`);
    await preview.waitForSelector('.pagedjs_page', { timeout: 45_000 });
    const events: string[] = [];
    const stream = new AbortController();
    const listening = fetch(`${dev.url}__handouts/events`, { signal: stream.signal }).then(async (response) => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        for (const [, name] of decoder.decode(chunk.value, { stream: true }).matchAll(/^event: (\w+)$/gm)) events.push(name!);
      }
    });
    await waitFor(() => events.length > 0); // the last state, replayed on connecting
    events.length = 0;
    writeFileSync(source, readFileSync(source, 'utf8').replace('A sentence saved again.', 'A sentence shown first.'));
    // biome-ignore lint/performance/useDomNodeTextContent: the text the writer sees on the page
    await until(preview, () => document.body.innerText.includes('A sentence shown first.'));
    await dev.idle();
    stream.abort();
    await listening.catch(() => undefined);
    const shownAt = Number(await preview.evaluate(() => sessionStorage.getItem('shownAt')));
    await preview.close();
    const built = path.join(project.dir, 'output/en/alpha/handout.html');
    expect(events[0]).toBe('saved');
    expect(events.slice(1)).toContain('state');
    expect(shownAt).toBeGreaterThan(0);
    expect(readFileSync(built, 'utf8')).toContain('A sentence shown first.');
    expect(statSync(built).mtimeMs).toBeGreaterThanOrEqual(shownAt);
  });

  it('shows a content error over the page, located, and clears it when the file is fixed', async () => {
    await page.goto(`${dev.url}en/alpha/handout.html`);
    await page.waitForSelector('.pagedjs_page', { timeout: 45_000 });
    writeFileSync(source, readFileSync(source, 'utf8').replace('title: Alpha', 'titel: Alpha'));
    await page.waitForSelector('#handouts-dev-overlay', { timeout: 45_000 });
    const text = await page.$eval('#handouts-dev-overlay', (element) => element.textContent ?? '');
    expect(text).toContain('content/alpha.md:2:1 error Unknown field `titel`; did you mean `title`?');
    writeFileSync(source, readFileSync(source, 'utf8').replace('titel: Alpha', 'title: Alpha'));
    await until(page, () => !document.getElementById('handouts-dev-overlay'));
  });

  it('asks nothing of any other host', () => {
    const origin = new URL(dev.url).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });
});

/**
 * Polls `test` in the page from here until it holds. The page reloads itself while this waits,
 * and a wait set inside the page (waitForFunction) can be lost with the page it was set in.
 */
async function until(page: Page, test: () => boolean, ms = 45_000, every = 100): Promise<void> {
  const end = Date.now() + ms;
  while (!(await page.evaluate(test).catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting in ${page.url()} for ${test}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

async function waitFor(condition: () => boolean, ms = 45_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
