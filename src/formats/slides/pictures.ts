import type { RenderContext } from '../context.js';
import { deckOf } from './deck.js';

/** Slides are 1280x720 CSS pixels; pictures of them are made at 1.5x: 1920x1080, presentation resolution. */
export const PICTURE = { selector: 'div.marpit > section', width: 1280, height: 720, scale: 1.5 } as const;

/** PNG pictures of every slide, made once per document for every format that needs them. */
export function slidePictures(context: RenderContext): Promise<{ images: Uint8Array[]; blocked: string[] }> {
  return context.memo('slides:pictures', () => context.pictures(deckOf(context).printHtml, 'slide pictures', PICTURE));
}

/** `slides/001.png` for the first slide: sorted names, room for 999 slides. */
export function pictureName(index: number): string {
  return `slides/${String(index + 1).padStart(3, '0')}.png`;
}
