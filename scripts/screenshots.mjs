// Pictures for the README that need a browser window rather than a PDF page: the presenter view
// of slides.html, the catalog, the dev server's print preview with an error overlay, and the
// report of `handouts diff` after a one-word change. Run by
// `npm run docs:images` after a build of content/multiple-sclerosis.md (all formats).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserManager } from '../dist/browser/manager.js';
import { startDevServer } from '../dist/dev/start.js';

const root = path.resolve(import.meta.dirname, '..');
const manager = new BrowserManager({ maxPages: 1 });
const browser = await manager.browser();
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 720 });
try {
  // The audience window opens the presenter view; its picture is taken in that second window.
  const deck = pathToFileURL(path.join(root, 'output/en/multiple-sclerosis/slides.html')).href;
  await page.goto(`${deck}?presenter#3`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  await page.screenshot({ path: path.join(root, 'docs/presenter-view.png') });

  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(pathToFileURL(path.join(root, 'output/index.html')).href);
  await page.screenshot({ path: path.join(root, 'docs/catalog.png') });

  // A copy of the project, so the broken front matter never touches content/.
  const project = mkdtempSync(path.join(tmpdir(), 'handouts-docs-'));
  cpSync(path.join(root, 'content'), path.join(project, 'content'), { recursive: true });
  const dev = await startDevServer({ cwd: project, port: 0, flags: { browser_endpoint: browser.wsEndpoint(), formats: ['handout'] } });
  try {
    await page.setViewport({ width: 1000, height: 760 });
    await page.goto(`${dev.url}en/multiple-sclerosis/handout.html`);
    await page.waitForSelector('.pagedjs_page', { timeout: 30_000 });
    const source = path.join(project, 'content/multiple-sclerosis.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('reviewed: 2026-11-02', 'reviewed: 2026-13-02'));
    await page.waitForSelector('#handouts-dev-overlay', { timeout: 30_000 });
    await page.screenshot({ path: path.join(root, 'docs/dev-overlay.png') });
  } finally {
    await dev.close();
    rmSync(project, { recursive: true, force: true });
  }
  // handouts diff: the handout and slides built, one word changed, built again, and compared.
  const review = mkdtempSync(path.join(tmpdir(), 'handouts-diff-'));
  try {
    cpSync(path.join(root, 'content'), path.join(review, 'content'), { recursive: true });
    const cli = (...args) =>
      execFileSync(process.execPath, [path.join(root, 'bin/handouts.js'), ...args], { cwd: review, stdio: ['ignore', 'ignore', 'inherit'] });
    cli('build', '--quiet', '--format', 'handout-pdf,slides-pdf', '--out', 'base', '--browser-endpoint', browser.wsEndpoint());
    const source = path.join(review, 'content/sjogrens-syndrome.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('Dry eyes may feel gritty or burn.', 'Dry eyes may feel gritty or sting.'));
    cli('build', '--quiet', '--format', 'handout-pdf,slides-pdf', '--out', 'head', '--browser-endpoint', browser.wsEndpoint());
    try {
      cli('diff', 'base', 'head', '--report', 'review', '--quiet');
    } catch (error) {
      if (error.status !== 1) throw error; // 1: something changed, as it should
    }
    await page.setViewport({ width: 1300, height: 1050 });
    await page.goto(pathToFileURL(path.join(review, 'review/index.html')).href, { waitUntil: 'load' });
    await page.evaluate(() => {
      for (const img of document.querySelectorAll('img')) img.loading = 'eager';
    });
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    await page.screenshot({ path: path.join(root, 'docs/diff-report.png') });
  } finally {
    rmSync(review, { recursive: true, force: true });
  }
} finally {
  await page.close();
  await manager.dispose();
}
