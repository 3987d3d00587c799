import type { ResolvedConfig } from '../config/types.js';
import type { DocumentRef } from '../core/document-ref.js';
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
  analysed: Pick<Analysed, 'file' | 'document' | 'readability' | 'plainLanguage' | 'lang'>,
  status: DocumentReport['status'],
  extra: {
    hash?: string;
    outputs?: DocumentReport['outputs'];
    failures?: DocumentReport['failures'];
    carried?: Diagnostic[];
    formatOf?: ReadonlyMap<unknown, string>;
  } = {},
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
    ...(analysed.plainLanguage && { plain_language: analysed.plainLanguage }),
    outputs: extra.outputs ?? [],
    ...(extra.failures?.length && { failures: extra.failures }),
    diagnostics: unique([...diagnosticsOf(analysed.file, analysed.file.messages, extra.formatOf), ...(extra.carried ?? [])]),
  };
}

/**
 * Each problem once: formats made from one template (the handout's PDF and web page) find the
 * same one, and an output reused from an earlier build carries what its page rules found then.
 */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
