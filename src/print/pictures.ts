import type { Page } from 'puppeteer-core';
import type { BrowserManager } from '../browser/manager.js';
import { withLoadedPage } from './tab.js';

export interface PictureOptions {
  label: string;
  timeoutMs: number;
  assets?: ReadonlyMap<string, Buffer>;
  /** The elements to photograph, one PNG each, in document order. */
  selector: string;
  /** Their size in CSS pixels, and how many device pixels per CSS pixel. */
  width: number;
  height: number;
  scale: number;
}

/**
 * A PNG picture of the top of a page, `width` x `height` CSS pixels (the first page of a handout,
 * laid out for print, for the catalog's thumbnail).
 */
export async function takePagePicture(
  manager: BrowserManager,
  html: string,
  options: Omit<PictureOptions, 'selector'>,
): Promise<{ image: Uint8Array; blocked: string[] }> {
  const viewport = { width: Math.round(options.width), height: Math.round(options.height), deviceScaleFactor: options.scale };
  const { result, blocked } = await withLoadedPage(manager, html, { ...options, media: 'print', viewport }, (page) =>
    page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: viewport.width, height: viewport.height } }),
  );
  return { image: result, blocked };
}

/**
 * PNG pictures of parts of a page (the slides of a deck), made by the browser that prints the
 * PDFs, with the same request rules. The same page gives the same pixels, so the same bytes.
 */
export async function takePictures(manager: BrowserManager, html: string, options: PictureOptions): Promise<{ images: Uint8Array[]; blocked: string[] }> {
  const viewport = { width: options.width, height: options.height, deviceScaleFactor: options.scale };
  const { result, blocked } = await withLoadedPage(manager, html, { ...options, media: 'screen', viewport }, async (page) => {
    const images: Uint8Array[] = [];
    for (const element of await page.$$(options.selector)) {
      images.push(await element.screenshot({ type: 'png', captureBeyondViewport: true }));
      await element.dispose();
    }
    return images;
  });
  return { images: result, blocked };
}

/**
 * Runs `work` on a page laid out as it prints (the deck's slides, for the PowerPoint file), at the
 * given size and pixel density, with the same request rules as printing.
 */
export async function inspectPage<T>(
  manager: BrowserManager,
  html: string,
  options: Omit<PictureOptions, 'selector'>,
  work: (page: Page) => Promise<T>,
): Promise<{ result: T; blocked: string[] }> {
  const viewport = { width: Math.round(options.width), height: Math.round(options.height), deviceScaleFactor: options.scale };
  return withLoadedPage(manager, html, { ...options, media: 'print', viewport }, work);
}
