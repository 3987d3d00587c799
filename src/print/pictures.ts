import type { BrowserManager } from '../browser/manager.js';
import { withLoadedPage } from './page.js';

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
export async function takePagePicture(manager: BrowserManager, html: string, options: Omit<PictureOptions, 'selector'>): Promise<{ image: Uint8Array; blocked: string[] }> {
  const viewport = { width: Math.round(options.width), height: Math.round(options.height), deviceScaleFactor: options.scale };
  const { result, blocked } = await withLoadedPage(manager, html, { ...options, media: 'print', viewport }, (page) =>
    page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: viewport.width, height: viewport.height } }),
  );
  return { image: result, blocked };
}

/**
 * PNG pictures of parts of a page (the slides of a deck), made by the browser that prints the
 * PDFs, with the same request rules. The same page gives the same pixels, so the same bytes.
 *
 * Given how many parts there are (`count`), the pictures are shared out among the browser's pages
 * (at least MIN_PER_PAGE each), which load the page alongside each other: a picture at
 * presentation resolution takes longer than printing a handout, and one page photographing a
 * whole deck was the last thing a changed document waited for.
 */
export async function takePictures(manager: BrowserManager, html: string, options: PictureOptions & { count?: number }): Promise<{ images: Uint8Array[]; blocked: string[] }> {
  const count = options.count ?? 0;
  const parts = Math.max(1, Math.min(manager.maxPages, Math.floor(count / MIN_PER_PAGE)));
  const size = Math.ceil(count / parts);
  const ranges = parts > 1 ? Array.from({ length: parts }, (_, i) => ({ from: i * size, to: Math.min(count, (i + 1) * size) })) : [{ from: 0, to: Infinity }];
  const taken = await Promise.all(ranges.map((range) => picturesOf(manager, html, options, range)));
  const found = taken[0]!.found;
  if (options.count !== undefined && found !== options.count) throw new Error(`expected ${options.count} parts to photograph (${options.selector}), found ${found}`);
  return { images: taken.flatMap((part) => part.images), blocked: [...new Set(taken.flatMap((part) => part.blocked))] };
}

const MIN_PER_PAGE = 4;

/** Pictures of the parts `from` to `to` (not included) of one loaded page; `found` is how many it has. */
async function picturesOf(manager: BrowserManager, html: string, options: PictureOptions, range: { from: number; to: number }) {
  const viewport = { width: options.width, height: options.height, deviceScaleFactor: options.scale };
  const { result, blocked } = await withLoadedPage(manager, html, { ...options, media: 'screen', viewport }, async (page) => {
    const images: Uint8Array[] = [];
    const elements = await page.$$(options.selector);
    for (const [index, element] of elements.entries()) {
      if (index >= range.from && index < range.to) images.push(await element.screenshot({ type: 'png', captureBeyondViewport: true }));
      await element.dispose();
    }
    return { images, found: elements.length };
  });
  return { ...result, blocked };
}
