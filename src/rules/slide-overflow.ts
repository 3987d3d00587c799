import type { PageRule } from './rule.js';

/** `slide-overflow`: a slide (or any box a format measures) whose content is taller than it. */
export const slideOverflow: PageRule = {
  id: 'slide-overflow',
  stage: 'page',
  severity: 'warning',
  configurable: true,
  description: "a slide's content is taller than the slide (measured in Chromium at build time)",
  check(_doc, { findings }, _context, { report }) {
    for (const { label, by, place, file } of findings.overflow) {
      report(`${label} is ${by}px taller than the slide: shorten it, or split the section with another \`##\` heading`, {
        place: place ?? { line: 1, column: 1 },
        in: file,
      });
    }
  },
};
