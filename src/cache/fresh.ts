import { reviewState } from '../core/review.js';
import type { ResolvedConfig } from '../config/types.js';
import type { DocumentRef } from '../core/document-ref.js';
import type { DocumentReport } from '../report/types.js';
import type { OutputFormat } from '../formats/format.js';
import { requireFormat } from '../formats/registry.js';
import { documentKey, formatKey } from './keys.js';
import { depsUnchanged, outputIntact, type BuildCache, type CacheEntry } from './store.js';
import { reviewWarnDays } from '../rules/review-due.js';

/**
 * The report of a document whose every requested output is current, without parsing it: its
 * files hash as recorded, the templates, settings and tool version are unchanged, its review
 * state is the same today, and each output is intact on disk. Otherwise undefined: build it.
 */
export function cachedReport(
  ref: DocumentRef,
  cache: BuildCache,
  base: string,
  config: ResolvedConfig,
  browser: string,
  templatesOf: (format: OutputFormat) => string,
  formats: readonly string[] = config.formats,
): DocumentReport | undefined {
  const entry = cache.get(ref.source);
  if (entry?.report.status !== 'built') return undefined;
  if (documentKey(base, Object.entries(entry.deps)) !== entry.hash) return undefined;
  if (!depsUnchanged(entry, config.root)) return undefined;
  if (entryReview(entry, config) !== entry.review) return undefined;
  for (const id of formats) {
    const format = requireFormat(id);
    if (!reusableOutput(entry, formatKey(entry.hash, format, config, browser, templatesOf(format)), config.root)) return undefined;
  }
  return {
    ...entry.report,
    status: 'skipped',
    outputs: entry.report.outputs.filter((output) => formats.includes(output.format)),
  };
}

/** The cached output made for a format key, if it is intact on disk. */
export function reusableOutput(entry: CacheEntry | undefined, key: string, root: string) {
  const output = entry?.outputs.find((o) => o.key === key);
  return output && outputIntact(output, root) ? output : undefined;
}

export function entryReview(entry: Pick<CacheEntry, 'report'>, config: ResolvedConfig): string {
  const { reviewed, review_due } = entry.report;
  return reviewed ? reviewState(reviewed, review_due, config.today, reviewWarnDays(config.rules)) : 'none';
}
