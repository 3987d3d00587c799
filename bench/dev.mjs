// The writer's loop, timed: the dev server (startDevServer from dist/, port 0, the same browser as
// the rest of the benchmark) on a project, a handout's print preview open in a browser page, then
// EDITS saves of a change to that document's source. For each save: the time until the open page
// shows the new text in its laid-out preview (the DOM polled), and until a new handout.pdf is on
// disk (its bytes changed, and it parses as a PDF with pages). Each save waits for the previous
// one's rebuild to finish. Prints one JSON line.
// Usage: node bench/dev.mjs PROJECT_DIR SOURCE_FILE LAUNCH_JSON [EDITS]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import puppeteer from 'puppeteer-core';

// The tool's copy the harness measures (bench/run.ts), else this checkout.
const TOOL = process.env.BENCH_TOOL_DIR ?? path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { startDevServer } = await import(pathToFileURL(path.join(TOOL, 'dist/dev/start.js')).href);
const [dir, source, launchText, editsText] = process.argv.slice(2);
const launch = JSON.parse(launchText);
const EDITS = Number(editsText ?? 10);
const TIMEOUT_MS = 120_000;
const slug = path.basename(source, '.md');
const original = readFileSync(source, 'utf8');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const started = performance.now();
const server = await startDevServer({ cwd: dir, port: 0, flags: launch.explicit ? { browser: launch.executablePath } : {} });
const startMs = performance.now() - started;
const profile = mkdtempSync(path.join(tmpdir(), 'bench-dev-viewer-'));
const viewer = await puppeteer.launch({
  executablePath: launch.executablePath,
  headless: launch.headless,
  args: launch.args,
  userDataDir: profile,
  protocolTimeout: 60_000,
});
const result = { startMs, textMs: [], pdfMs: [], failures: [] };
try {
  const lang = server.state().documents.find((d) => d.slug === slug)?.lang ?? 'en';
  const pdfFile = path.join(dir, 'output', lang, slug, 'handout.pdf');
  const page = await viewer.newPage();
  await page.goto(`${server.url}${lang}/${slug}/handout.html`, { waitUntil: 'load' });
  await page.waitForSelector('.pagedjs_pages', { timeout: TIMEOUT_MS });
  /** True once the laid-out preview (Paged.js's pages) holds `marker`; false while the page reloads. */
  const shows = (marker) => page.evaluate((m) => document.querySelector('.pagedjs_pages')?.textContent?.includes(m) ?? false, marker).catch(() => false);

  for (let i = 1; i <= EDITS; i++) {
    await server.idle();
    await sleep(300);
    const marker = `Bench edit ${i} ${Math.random().toString(36).slice(2, 8)}`;
    const before = readFileSync(pdfFile);
    // A new first paragraph, right after the front matter: the handout shows it on its first page.
    const text = original.replace(/^(---\n[\s\S]*?\n---\n)/, `$1\n${marker}.\n`);
    const saved = performance.now();
    writeFileSync(source, text);
    let textMs;
    let pdfMs;
    while ((textMs === undefined || pdfMs === undefined) && performance.now() - saved < TIMEOUT_MS) {
      if (textMs === undefined && (await shows(marker))) textMs = performance.now() - saved;
      if (pdfMs === undefined) {
        let now;
        try {
          now = readFileSync(pdfFile);
        } catch {
          // between builds the file is replaced by a rename; it is never missing for long
        }
        if (now && !now.equals(before)) {
          pdfMs = performance.now() - saved;
          const pages = (await PDFDocument.load(now, { updateMetadata: false })).getPageCount();
          if (!(pages > 0)) result.failures.push(`edit ${i}: handout.pdf has no pages`);
        }
      }
      await sleep(5);
    }
    if (textMs === undefined) result.failures.push(`edit ${i}: the preview did not show the new text within ${TIMEOUT_MS / 1000} s`);
    if (pdfMs === undefined) result.failures.push(`edit ${i}: handout.pdf did not change within ${TIMEOUT_MS / 1000} s`);
    result.textMs.push(textMs ?? null);
    result.pdfMs.push(pdfMs ?? null);
  }
  await server.idle();
} finally {
  writeFileSync(source, original);
  await viewer.close();
  rmSync(profile, { recursive: true, force: true });
  await server.close();
}
console.log(JSON.stringify(result));
