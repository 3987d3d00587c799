import pixelmatch from 'pixelmatch';
import type { PagePicture } from './pdf-pages.js';

export interface Compared {
  /** Pixels that differ beyond anti-aliasing. */
  pixels: number;
  /** The share of the page's pixels that differ, 0 to 1. */
  ratio: number;
  /** The difference as a picture: changed pixels red, their smoothed edges pale red, on a faded page. */
  difference: PagePicture;
}

/**
 * Pure: two pictures of a page compared with pixelmatch (anti-aliased edges are not counted, a
 * small colour threshold). Pictures of different sizes (a page that changed size) are compared on
 * a white sheet as large as both.
 */
export function comparePictures(before: PagePicture, after: PagePicture): Compared {
  const width = Math.max(before.width, after.width);
  const height = Math.max(before.height, after.height);
  const a = onSheet(before, width, height);
  const b = onSheet(after, width, height);
  const data = new Uint8ClampedArray(width * height * 4);
  const pixels = pixelmatch(a, b, data, width, height, {
    threshold: 0.1,
    includeAA: false,
    alpha: 0.15,
    diffColor: [220, 38, 38],
    diffColorAlt: [220, 38, 38],
    aaColor: [252, 165, 165],
  });
  return { pixels, ratio: pixels / (width * height), difference: { width, height, data } };
}

function onSheet(picture: PagePicture, width: number, height: number): Uint8ClampedArray {
  if (picture.width === width && picture.height === height) return picture.data;
  const sheet = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < picture.height; y++) sheet.set(picture.data.subarray(y * picture.width * 4, (y + 1) * picture.width * 4), y * width * 4);
  return sheet;
}
