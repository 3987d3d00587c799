import { mm, pageSize, type Paper } from '../paper.js';

export interface Sheet {
  /** CSS lengths for the template. */
  width: string;
  height: string;
  bleed: string;
  panel: string;
  flap: string;
  page_size: string;
}

/**
 * Pure: the geometry of a tri-fold (letter fold) on a landscape sheet. The panel that folds in
 * must be a little narrower than the other two, or it buckles against the fold: it loses
 * `foldMm` and the other two share it. A print-shop version grows the page by the bleed on every
 * side; the panels stay where the trim puts them.
 */
export function brochureSheet(paper: Paper, options: { foldMm: number; bleedMm?: number }): Sheet {
  const bleed = options.bleedMm ?? 0;
  const page = pageSize(paper, { landscape: true, bleedMm: bleed });
  const third = (page.width - 2 * bleed) / 3;
  return {
    width: mm(page.width),
    height: mm(page.height),
    bleed: mm(bleed),
    panel: mm(third + options.foldMm / 2),
    flap: mm(third - options.foldMm),
    page_size: page.css,
  };
}
