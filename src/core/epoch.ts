/**
 * `SOURCE_DATE_EPOCH` (whole seconds since 1970), the reproducible-builds convention for "the
 * date of this build". Undefined when unset or not a whole number.
 */
export function epochDate(sourceDateEpoch: string | undefined): Date | undefined {
  return sourceDateEpoch && /^\d+$/.test(sourceDateEpoch) ? new Date(Number(sourceDateEpoch) * 1000) : undefined;
}

/** A date as `YYYY-MM-DD` (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
