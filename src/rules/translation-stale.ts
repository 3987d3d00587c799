import { daysBetween } from '../core/review.js';
import type { SourceRule } from './rule.js';

/**
 * `translation-stale`: the document a translation is made from was reviewed after the
 * translation, so the translation may no longer say the same thing. Located at the translation's
 * `reviewed` date.
 */
export const translationStale: SourceRule = {
  id: 'translation-stale',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: "a translation's source was reviewed after the translation",
  check(doc, _context, { report }) {
    const source = doc.translation;
    if (!source?.reviewed || daysBetween(doc.meta.reviewed, source.reviewed) <= 0) return;
    report(
      `\`${source.source}\`, which this translates, was reviewed on ${source.reviewed}, after this translation (${doc.meta.reviewed}): bring the translation up to date, then its \`reviewed\` date`,
      {
        place: doc.metaPlaces.reviewed,
      },
    );
  },
};
