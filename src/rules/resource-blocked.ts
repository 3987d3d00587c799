import type { PageRule } from './rule.js';

/** `resource-blocked`: a rendered page tried to load something from outside the project. */
export const resourceBlocked: PageRule = {
  id: 'resource-blocked',
  stage: 'page',
  severity: 'error',
  configurable: false,
  description: 'a rendered page tried to load a file or URL from outside the project',
  check(_doc, { findings }, _context, { report }) {
    for (const url of new Set(findings.blocked)) {
      report(`The page tried to load \`${url}\`, which was blocked: outputs may only use files inside the project`, {
        place: { line: 1, column: 1 },
      });
    }
  },
};
