const DAY = 86_400_000;

/** Whole days from one `YYYY-MM-DD` date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

export type ReviewState = 'future' | 'none' | 'overdue' | 'soon' | 'ok';

/**
 * Where a document stands on `today` in the terms of the review rules: the rule reports it, the
 * cache keys on it (a document is checked again when its state changes) and the catalog shows it.
 */
export function reviewState(reviewed: string, reviewDue: string | undefined, today: string, warnDays: number): ReviewState {
  if (daysBetween(today, reviewed) > 0) return 'future';
  if (!reviewDue) return 'none';
  const left = daysBetween(today, reviewDue);
  return left < 0 ? 'overdue' : left <= warnDays ? 'soon' : 'ok';
}
