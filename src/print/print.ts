import type { Page } from 'puppeteer-core';
import type { BrowserManager } from '../browser/manager.js';

export interface PrintOptions {
  /** Kept for error messages. */
  label: string;
  timeoutMs: number;
  /** Files the page may load, by URL, answered from memory (the brand's fonts). */
  assets?: ReadonlyMap<string, Buffer>;
}

export interface Printed<T = undefined> {
  bytes: Uint8Array;
  /** What `inspect` found in the laid-out page. */
  inspected?: T;
  /** URLs the page tried to load and was refused. */
  blocked: string[];
  /** The text a reader sees on the laid-out page in print media (hidden elements excluded). */
  text: string;
}

/**
 * Prints an HTML page to PDF. Scripts are off (the print pages have none and need none); the
 * brand's fonts are answered from memory (Chromium then keeps them across documents instead of
 * decoding inline data for every page); every other request that is not a `data:` URL is
 * refused. The page size comes from the page's own CSS `@page` rule. Waits for fonts to be
 * ready rather than for a network-idle timer.
 */
export async function printPdf<T = undefined>(
  manager: BrowserManager,
  html: string,
  options: PrintOptions & { inspect?: (page: Page) => Promise<T> },
): Promise<Printed<T>> {
  return manager.withPage(async (page) => {
    const blocked: string[] = [];
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    const onRequest = (request: import('puppeteer-core').HTTPRequest) => {
      const url = request.url();
      const asset = options.assets?.get(url);
      if (asset) void request.respond({ status: 200, contentType: 'font/woff2', body: asset, headers: { 'Access-Control-Allow-Origin': '*' } });
      else if (url.startsWith('data:') || url === 'about:blank') void request.continue();
      else {
        blocked.push(url);
        void request.abort('blockedbyclient');
      }
    };
    page.on('request', onRequest);
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: options.timeoutMs });
      await withTimeout(page.evaluate(() => document.fonts.ready.then(() => undefined)), options.timeoutMs, 'waiting for fonts');
      await page.emulateMediaType('print');
      const inspected = await options.inspect?.(page);
      const text = await page.evaluate(() => document.body?.innerText ?? '');
      const bytes = await page.pdf({
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        timeout: options.timeoutMs,
      });
      return { bytes, blocked, inspected, text };
    } finally {
      page.off('request', onRequest);
    }
  });
}

/** Fails with a clear message when `work` takes longer than `ms`. */
function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s ${what}`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
