import type { PreparedDocument } from '../document.js';
import { fail, warn } from '../parse/diagnostics.js';
import type { ResolvedRules } from './rule-settings.js';

const DAY = 86_400_000;

/**
 * Pure: `review-due`. Patient material must be reviewed on schedule: an error once `review_due`
 * has passed, a warning in the days before it, a warning when no review date is set, and an
 * error for a `reviewed` date later than today. "Today" comes from the config (`--today`,
 * `SOURCE_DATE_EPOCH` or the clock), never from inside this function.
 */
export function checkReviewDates(doc: PreparedDocument, rules: ResolvedRules, today: string): void {
  const { meta, metaPlaces, file } = doc;
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
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

export type ReviewState = 'future' | 'none' | 'overdue' | 'soon' | 'ok';

/** Pure: where a document stands on `today`, in the terms of the review rules. */
export function reviewState(reviewed: string, reviewDue: string | undefined, today: string, warnDays: number): ReviewState {
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
  if (days(today, reviewed) > 0) return 'future';
  if (!reviewDue) return 'none';
  const left = days(today, reviewDue);
  return left < 0 ? 'overdue' : left <= warnDays ? 'soon' : 'ok';
}
