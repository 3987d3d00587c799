import { PNG } from 'pngjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

/** Pictures are drawn at 96 dpi: what a reviewer sees at 100% on a screen. */
export const SCALE = 96 / 72;

export interface PagePicture {
  width: number;
  height: number;
  /** RGBA, four bytes a pixel. */
  data: Uint8ClampedArray;
}

/**
 * A PDF opened with pdf.js (Mozilla's PDF reader, also Firefox's), its pages drawn by
 * @napi-rs/canvas at a fixed resolution, and their words read in reading order. Close it when done.
 */
export class PdfPages {
  private constructor(private readonly doc: PDFDocumentProxy) {}

  static async open(bytes: Uint8Array): Promise<PdfPages> {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // pdf.js keeps the buffer it is given: a copy, so the caller's bytes stay whole.
    const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
    return new PdfPages(doc);
  }

  get count(): number {
    return this.doc.numPages;
  }

  /** Page `n` (from 1) drawn on white at SCALE. */
  async picture(n: number): Promise<PagePicture> {
    const { createCanvas } = await import('@napi-rs/canvas');
    const page = await this.doc.getPage(n);
    const viewport = page.getViewport({ scale: SCALE });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
    page.cleanup();
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: image.width, height: image.height, data: image.data as Uint8ClampedArray };
  }

  /** The words of page `n` in the order the PDF gives its text (its reading order, for a tagged PDF). */
  async words(n: number): Promise<string[]> {
    const page = await this.doc.getPage(n);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(' ');
    return text.split(/\s+/).filter(Boolean);
  }

  /**
   * A picture as PNG, by pngjs with one row filter (trying all five on every row cost the most).
   * Not by @napi-rs/canvas: its encoder crashed the process (SIGSEGV) now and then in long runs.
   */
  static png(picture: PagePicture): Buffer {
    const { data, width, height } = picture;
    return PNG.sync.write({ width, height, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) } as PNG, {
      colorType: 6,
      filterType: 4,
      deflateLevel: 6,
    });
  }

  async close(): Promise<void> {
    await this.doc.destroy();
  }
}
