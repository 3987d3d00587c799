// The floor: one Puppeteer browser (the same Chromium), a pool of pages, and nothing else. It
// prints the self-contained pages handouts wrote (handout.html, slides.html) to PDF, so it does
// the same printing work with none of the pipeline around it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [executablePath, concurrencyText, outDir, ...pages] = process.argv.slice(2);
const profile = mkdtempSync(path.join(tmpdir(), 'bench-floor-'));
const browser = await puppeteer.launch({ executablePath, headless: 'shell', userDataDir: profile, args: ['--no-sandbox', '--disable-gpu'] });
try {
  let next = 0;
  const worker = async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    while (next < pages.length) {
      const file = pages[next++];
      await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(path.join(outDir, `${next}.pdf`), pdf);
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
