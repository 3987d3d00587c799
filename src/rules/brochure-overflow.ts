import type { PageRule } from './rule.js';

/**
 * `brochure-overflow`: content that does not fit a folded format's panels fails the document,
 * located where the overflow starts: a brochure is never clipped or silently shrunk.
 */
export const brochureOverflow: PageRule = {
  id: 'brochure-overflow',
  stage: 'page',
  severity: 'error',
  configurable: false,
  description: "the brochure's content does not fit its panels (measured in Chromium at build time)",
  check(_doc, { findings }, _context, { report }) {
    for (const { label, by, unit = 'px', of, place, file } of findings.overflow) {
      const holds = of ? ` (one panel holds ${of} ${unit})` : '';
      report(
        `${label} does not fit the panels: it overflows by about ${by} ${unit}${holds}. Shorten it, or write a shorter summary for the brochure in \`:::brochure\` blocks`,
        {
          place: place ?? { line: 1, column: 1 },
          in: file,
        },
      );
    }
  },
};
