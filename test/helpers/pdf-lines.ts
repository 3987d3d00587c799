import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';

export interface Line {
  /** The line's characters in reading order for a right-to-left script: sorted from right to left. */
  rtl: string;
  /** The leftmost and rightmost x of its characters, in points from the page's left edge. */
  left: number;
  right: number;
}

/**
 * The text lines of a page as MuPDF reads them, each with its characters read from right to left:
 * PDFs keep glyphs in the order they are drawn (visual), so reading an Arabic or Hebrew line
 * right to left must give the text as written (logical order) when the mapping to characters is
 * right.
 */
export function rtlLines(file: string, pageIndex: number): Line[] {
  const doc = mupdf.Document.openDocument(readFileSync(file), 'application/pdf');
  const lines: Line[] = [];
  let glyphs: { c: string; x: number }[] = [];
  doc
    .loadPage(pageIndex)
    .toStructuredText('preserve-whitespace')
    .walk({
      beginLine() {
        glyphs = [];
      },
      onChar(c: string, origin: [number, number]) {
        glyphs.push({ c, x: origin[0] });
      },
      endLine() {
        const xs = glyphs.map((g) => g.x);
        lines.push({
          rtl: [...glyphs]
            .sort((a, b) => b.x - a.x)
            .map((g) => g.c)
            .join(''),
          left: Math.min(...xs),
          right: Math.max(...xs),
        });
      },
    });
  return lines;
}

/** Text compared without the spaces extractors put between glyph clusters. */
export const compact = (text: string) => text.replace(/\s+/g, '');
