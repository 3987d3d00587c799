import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One run of text as pdf.js reads it: where it starts (points from the page's left), its width and font size. */
export interface TextRun {
  text: string;
  x: number;
  width: number;
  size: number;
}

/** The text runs of every page, in the order the PDF's content gives them (its reading order). */
export async function textRuns(file: string): Promise<TextRun[][]> {
  const loading = getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false });
  const doc = await loading.promise;
  const pages: TextRun[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items.flatMap((item) =>
        'str' in item && item.str.trim()
          ? [{ text: item.str, x: item.transform[4], width: item.width, size: Math.hypot(item.transform[0], item.transform[1]) }]
          : [],
      ),
    );
  }
  await loading.destroy();
  return pages;
}

/** A page rendered to pixels by pdf.js (through @napi-rs/canvas), for readers of images such as a QR decoder. */
export async function renderPage(file: string, pageNumber: number, scale = 3): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const loading = getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false });
  const page = await (await loading.promise).getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  await loading.destroy();
  return { data: image.data as Uint8ClampedArray, width: image.width, height: image.height };
}
