import type { ResolvedConfig } from '../config/types.js';
import type { DocumentRef } from '../core/document.js';
import { diagnosticsOf } from '../report/diagnostics.js';
import type { Diagnostic, DocumentReport } from '../report/types.js';
import type { Analysed } from './analyse.js';

/**
 * The one way a document's report entry is made, by `build` and `check` alike: what the
 * contract's JSON report and the manifest carry for it.
 */
export function documentEntry(
  ref: DocumentRef,
  config: ResolvedConfig,
  analysed: Pick<Analysed, 'file' | 'document' | 'readability' | 'lang'>,
  status: DocumentReport['status'],
  extra: { hash?: string; outputs?: DocumentReport['outputs']; carried?: Diagnostic[] } = {},
): DocumentReport {
  const { document } = analysed;
  return {
    source: ref.source,
    slug: ref.slug,
    lang: document?.lang ?? analysed.lang ?? config.lang,
    status,
    ...(document && {
      title: document.meta.title,
      condition: document.meta.condition,
      reviewed: document.meta.reviewed,
      review_due: document.meta.review_due,
    }),
    ...(extra.hash && { hash: extra.hash }),
    readability: analysed.readability,
    outputs: extra.outputs ?? [],
    diagnostics: [...diagnosticsOf(analysed.file), ...(extra.carried ?? [])],
  };
}
