import type { Position } from 'unist';
import type { Place } from './diagnostics.js';

/** Something a page rule points at: a slide, a panel, a page. */
export interface Located {
  /** How people name it: `Slide 3 (“What are stem cells?”)`. */
  label: string;
  place?: Place | Position;
  /** The partial it is written in, when not the document itself. */
  file?: string;
}

/**
 * What a rendered page showed: what formats measure and page rules judge (see `src/rules/`).
 * On the ground floor because both sides read it.
 */
export interface PageFindings {
  /** The text a reader sees: from the laid-out page when printed, else from the page's HTML. */
  text: string;
  /** URLs the page tried to load and was refused. */
  blocked: readonly string[];
  /** Parts whose content is taller than their box, by how much (CSS pixels unless `unit` says mm), of a box `of` high. */
  overflow: readonly (Located & { by: number; unit?: 'px' | 'mm'; of?: number })[];
}
