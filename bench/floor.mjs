// The floor: bare Puppeteer printing exactly the pages the tool prints, the way it prints them,
// with none of the pipeline around it (no parsing, templates, rules, cache, metadata or writing of
// other outputs). What it shares with the tool, so the comparison is like with like:
//   - the pages: the HTML each PDF format's `page(context)` makes (bench/prepare.mjs, from dist/);
//   - fonts: requests for the asset origin answered from memory, every other request but `data:`
//     refused, as src/print/page.ts does;
//   - page reuse: a pool of `concurrency` pages, each closed after `pageUses` documents
//     (src/browser/manager.ts, PAGE_USES);
//   - the browser: the same executable, headless mode and switches as src/browser/manager.ts;
//   - loading and printing: scripts off, load, fonts ready, print media, the brochure's panels
//     filled (its fillPanels, the one layout step the tool does in the page before printing),
//     then page.pdf with src/print/print.ts's options.
// What the tool does besides, and the floor does not: reading the page's text and measuring slide
// overflow for its rules, and stamping metadata into each PDF (src/print/document.ts).
// Usage: node bench/floor.mjs JOB_JSON LAUNCH_JSON
//   JOB_JSON: { fonts: { url: file }, pages: [{ html, pdf, fill }] } (bench/prepare.mjs)
//   LAUNCH_JSON: { executablePath, headless, args, concurrency, pageUses, timeoutMs } (bench/run.ts)
// The PDFs are checked by the harness after this process ends (page counts, with pdf-lib).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

// The tool's copy the harness measures (bench/run.ts), else this checkout.
const TOOL = process.env.BENCH_TOOL_DIR ?? path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { fillPanels } = await import(pathToFileURL(path.join(TOOL, 'dist/formats/brochure/fill.js')).href);
const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const launch = JSON.parse(process.argv[3]);
const fonts = new Map(Object.entries(job.fonts).map(([url, file]) => [url, readFileSync(file)]));

const profile = mkdtempSync(path.join(tmpdir(), 'bench-floor-'));
const browser = await puppeteer.launch({
  executablePath: launch.executablePath,
  headless: launch.headless,
  args: launch.args,
  userDataDir: profile,
  protocolTimeout: 60_000,
});

async function freshPage() {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    const font = fonts.get(url);
    if (font) void request.respond({ status: 200, contentType: 'font/woff2', body: font, headers: { 'Access-Control-Allow-Origin': '*' } });
    else if (url.startsWith('data:') || url === 'about:blank') void request.continue();
    else void request.abort('blockedbyclient');
  });
  return page;
}

try {
  let next = 0;
  const worker = async () => {
    let page;
    let uses = 0;
    while (next < job.pages.length) {
      const { html, pdf, fill } = job.pages[next++];
      page ??= await freshPage();
      await page.setContent(readFileSync(html, 'utf8'), { waitUntil: 'load', timeout: launch.timeoutMs });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.emulateMediaType('print');
      if (fill) await page.evaluate(fillPanels);
      writeFileSync(pdf, await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: launch.timeoutMs }));
      if (++uses >= launch.pageUses) {
        void page.close().catch(() => undefined);
        page = undefined;
        uses = 0;
      }
    }
    await page?.close();
  };
  await Promise.all(Array.from({ length: launch.concurrency }, worker));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
