import type { Page } from 'puppeteer-core';
import type { BrowserManager } from '../browser/manager.js';
import { withLoadedPage } from './tab.js';

export interface PrintOptions {
  /** Kept for error messages. */
  label: string;
  timeoutMs: number;
  /** Files the page may load, by URL, answered from memory (the brand's fonts). */
  assets?: ReadonlyMap<string, Buffer>;
}

export interface Printed {
  bytes: Uint8Array;
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
export async function printPdf(
  manager: BrowserManager,
  html: string,
  options: PrintOptions & { inspect?: (page: Page) => Promise<unknown> },
): Promise<Printed> {
  const { result, blocked } = await withLoadedPage(manager, html, { ...options, media: 'print' }, async (page) => {
    await options.inspect?.(page);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out and shown, without what CSS hides, is what readers see
    const text = await page.evaluate(() => document.body?.innerText ?? '');
    const bytes = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: options.timeoutMs });
    return { bytes, text };
  });
  return { ...result, blocked };
}
