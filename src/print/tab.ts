import type { HTTPRequest, Page } from 'puppeteer-core';
import type { BrowserManager } from '../browser/manager.js';

export interface LoadOptions {
  /** Kept for error messages. */
  label: string;
  timeoutMs: number;
  /** Files the page may load, by URL, answered from memory (the brand's fonts). */
  assets?: ReadonlyMap<string, Buffer>;
  /** `print` for PDFs; `screen` for pictures of a page. */
  media: 'print' | 'screen';
  /** The window's size and pixel density, for pictures. */
  viewport?: { width: number; height: number; deviceScaleFactor: number };
}

/** Pages already set up: scripts off, requests intercepted. */
const prepared = new WeakSet<Page>();

/**
 * Loads a generated page into a pooled browser page and hands it to `work`, fully laid out.
 * Scripts are off (the pages the tool prints or photographs have none and need none); the
 * brand's fonts are answered from memory (Chromium then keeps them across documents instead of
 * decoding inline data for every page); every other request that is not a `data:` URL is
 * refused and returned in `blocked`. Waits for fonts rather than for a network-idle timer.
 */
export async function withLoadedPage<T>(
  manager: BrowserManager,
  html: string,
  options: LoadOptions,
  work: (page: Page) => Promise<T>,
): Promise<{ result: T; blocked: string[] }> {
  return manager.withPage(async (page) => {
    const blocked: string[] = [];
    if (!prepared.has(page)) {
      // Once per page: the pool lends the same pages again and again, and each setting is a
      // round trip to the browser.
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      prepared.add(page);
    }
    const onRequest = (request: HTTPRequest) => {
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
    const defaultViewport = page.viewport();
    try {
      if (options.viewport) await page.setViewport(options.viewport);
      await page.setContent(html, { waitUntil: 'load', timeout: options.timeoutMs });
      await withTimeout(
        page.evaluate(() => document.fonts.ready.then(() => undefined)),
        options.timeoutMs,
        'waiting for fonts',
      );
      await page.emulateMediaType(options.media);
      return { result: await work(page), blocked };
    } finally {
      page.off('request', onRequest);
      // A pooled page goes back as it came: the next document may print at the default size.
      if (options.viewport && defaultViewport) await page.setViewport(defaultViewport);
    }
  });
}

/** Fails with a clear message when `work` takes longer than `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s ${what}`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
