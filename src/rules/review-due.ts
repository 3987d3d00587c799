import type { PreparedDocument } from '../transform/document.js';
import { fail, warn } from '../core/diagnostics.js';
import { daysBetween as days } from '../core/review.js';
import type { SourceRule } from './rule.js';
import type { ResolvedRules } from './settings.js';

export const reviewDue: SourceRule = {
  id: 'review-due',
  stage: 'source',
  severity: 'error',
  configurable: true,
  description: '`review_due` passed (error) or within 30 days (warning); `reviewed` not in the future',
  check: (doc, context) => checkReviewDates(doc, context.rules, context.today),
};

/**
 * Pure: `review-due`. Patient material must be reviewed on schedule: an error once `review_due`
 * has passed, a warning in the days before it, a warning when no review date is set, and an
 * error for a `reviewed` date later than today. "Today" comes from the config (`--today`,
 * `SOURCE_DATE_EPOCH` or the clock), never from inside this function.
 */
export function checkReviewDates(doc: PreparedDocument, rules: ResolvedRules, today: string): void {
  const { meta, metaPlaces, file } = doc;
  if (days(today, meta.reviewed) > 0) {
    fail(file, `\`reviewed\` is ${meta.reviewed}, which is after today (${today}); write the date the content was last reviewed`, {
      place: metaPlaces.reviewed,
      ruleId: 'review-due',
    });
  }
  if (!meta.review_due) {
    warn(file, 'No `review_due` date: add the date by which this content must be reviewed again', {
      place: metaPlaces.reviewed,
      ruleId: 'review-due',
    });
    return;
  }
  const left = days(today, meta.review_due);
  if (left < 0) {
    fail(file, `Review was due on ${meta.review_due} (${-left} days ago): review the content, then update \`reviewed\` and \`review_due\``, {
      place: metaPlaces.review_due,
      ruleId: 'review-due',
    });
  } else if (left <= rules.reviewWarnDays) {
    warn(file, `Review is due on ${meta.review_due}, in ${left} day${left === 1 ? '' : 's'}`, {
      place: metaPlaces.review_due,
      ruleId: 'review-due',
    });
  }
}
