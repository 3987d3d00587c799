import pLimit from 'p-limit';
import type { DocumentRef } from '../core/document-ref.js';
import type { DocumentReport } from '../report/types.js';
import { buildDocument, type DocumentRun } from './build-document.js';
import type { Session } from './session.js';

/**
 * Builds the documents the cache could not answer for, a bounded number at a time through the
 * one browser. A document whose build threw has no report; the first such error is returned.
 * This module and what it imports (templates, Markdown, Marp, PDF) are loaded only when there is
 * something to build.
 */
export async function buildDocuments(
  refs: readonly DocumentRef[],
  options: { session: Session; baseKey: string; formats: readonly string[]; force: boolean; onDocument?: (report: DocumentReport) => void },
) {
  const run: DocumentRun = {
    session: options.session,
    tools: await options.session.loadTools(),
    baseKey: options.baseKey,
    formats: options.formats,
    force: options.force,
    timings: { htmlMs: 0, pdfMs: 0 },
  };
  const limit = pLimit(run.tools.config.concurrency);
  const settled = await Promise.allSettled(
    refs.map((ref) =>
      limit(async () => {
        const report = await buildDocument(ref, run);
        options.onDocument?.(report);
        return report;
      }),
    ),
  );
  // An error that ends the build (the browser stopped too often, or cannot be had) is raised
  // after every document has settled, so the caller can still record what was built.
  const failed = settled.find((result) => result.status === 'rejected');
  const reports = settled.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  return { reports, timings: run.timings, error: failed ? (failed as PromiseRejectedResult).reason : undefined };
}
