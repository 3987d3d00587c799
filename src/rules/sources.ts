import type { SourceRule } from './rule.js';

/** `sources`: every document names at least one source for what it says. */
export const sources: SourceRule = {
  id: 'sources',
  stage: 'source',
  severity: 'error',
  configurable: true,
  description: 'every document lists at least one source',
  check(doc, _context, { report }) {
    if (doc.meta.sources?.length) return;
    report('No sources: list at least one reference under `sources:` in the front matter', {
      place: doc.metaPlaces.sources ?? doc.metaPlaces.title,
    });
  },
};
