import type { Page } from 'puppeteer-core';
import type { BrowserManager } from '../browser/manager.js';
import { withLoadedPage } from './page.js';

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
 * Prints an HTML page to PDF, tagged and with an outline, the page size from the page's own CSS
 * `@page` rule. `inspect` may measure or arrange the laid-out page first (slide overflow,
 * filling a brochure's panels).
 */
export async function printPdf<T = undefined>(
  manager: BrowserManager,
  html: string,
  options: PrintOptions & { inspect?: (page: Page) => Promise<T> },
): Promise<Printed<T>> {
  const { result, blocked } = await withLoadedPage(manager, html, { ...options, media: 'print' }, async (page) => {
    const inspected = await options.inspect?.(page);
    const text = await page.evaluate(() => document.body?.innerText ?? '');
    const bytes = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: options.timeoutMs });
    return { bytes, inspected, text };
  });
  return { ...result, blocked };
}
