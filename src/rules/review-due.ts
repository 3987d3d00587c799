import type { PreparedDocument } from '../transform/prepared.js';
import { daysBetween as days } from '../core/review.js';
import { optionsOf, type Reporter, type ResolvedRules, type SourceRule } from './rule.js';

interface ReviewOptions {
  warn_days: number;
}

export const reviewDue: SourceRule<ReviewOptions> = {
  id: 'review-due',
  stage: 'source',
  severity: 'error',
  configurable: true,
  description: '`review_due` passed (error) or within 30 days (warning); `reviewed` not in the future',
  defaults: { warn_days: 30 },
  options: (z) => ({
    /** Warn this many days before `review_due`. Default 30. */
    warn_days: z.number().int().min(0).max(365).optional(),
  }),
  check: (doc, context, { report, options }) => checkReviewDates(doc, options, context.today, report),
};

/** How many days before `review_due` a document is shown as due soon (here, in the report and the catalog). */
export const reviewWarnDays = (rules: ResolvedRules): number => optionsOf(rules, reviewDue).warn_days;

/**
 * Pure: `review-due`. Patient material must be reviewed on schedule: an error once `review_due`
 * has passed, a warning in the days before it, a warning when no review date is set, and an
 * error for a `reviewed` date later than today. "Today" comes from the config (`--today`,
 * `SOURCE_DATE_EPOCH` or the clock), never from inside this function.
 */
export function checkReviewDates(doc: PreparedDocument, options: ReviewOptions, today: string, report: Reporter): void {
  const { meta, metaPlaces } = doc;
  if (days(today, meta.reviewed) > 0) {
    report(`\`reviewed\` is ${meta.reviewed}, which is after today (${today}); write the date the content was last reviewed`, {
      place: metaPlaces.reviewed,
    });
  }
  if (!meta.review_due) {
    report.warning('No `review_due` date: add the date by which this content must be reviewed again', {
      place: metaPlaces.reviewed,
    });
    return;
  }
  const left = days(today, meta.review_due);
  if (left < 0) {
    report(`Review was due on ${meta.review_due} (${-left} days ago): review the content, then update \`reviewed\` and \`review_due\``, {
      place: metaPlaces.review_due,
    });
  } else if (left <= options.warn_days) {
    report.warning(`Review is due on ${meta.review_due}, in ${left} day${left === 1 ? '' : 's'}`, {
      place: metaPlaces.review_due,
    });
  }
}
