import { readFileSync } from 'node:fs';
import { analyseDocument } from './build/analyse.js';
import type { ResolvedConfig } from './config/types.js';
import { discoverDocuments } from './discover/documents.js';
import { createResolvers } from './discover/resolvers.js';
import { renderHandoutHtml } from './handout/html.js';
import { diagnosticsOf } from './report/diagnostics.js';
import type { BuildReport, DocumentReport } from './report/types.js';
import { createLiquid } from './templates/liquid.js';
import { loadTemplates } from './templates/load.js';

/**
 * `handouts check`: parse, transform and every content rule, without a browser and without
 * writing anything. The handout page is still made (it is pure) so the disclaimer rule can look
 * at it. A document with errors is `failed`; the others are `skipped` (not rendered).
 * Slide overflow needs a browser and is checked by `build`.
 */
export function check(options: { config: ResolvedConfig; sources?: readonly string[]; cwd: string }): BuildReport {
  const started = performance.now();
  const { config } = options;
  const templates = loadTemplates(config.templates, config.root);
  const liquid = createLiquid();
  const context = {
    config,
    templates,
    ...createResolvers(config.content, config.root),
    handoutHtml: config.formats.some((id) => id.startsWith('handout'))
      ? (doc: Parameters<typeof renderHandoutHtml>[0]) => renderHandoutHtml(doc, templates, liquid, { paper: config.paper, forPrint: true })
      : undefined,
  };
  const documents = discoverDocuments(config.content, config.root, options.sources, options.cwd).map((ref): DocumentReport => {
    const { file, document, readability, failed } = analyseDocument(ref, readFileSync(ref.path, 'utf8'), context);
    return {
      source: ref.source,
      slug: ref.slug,
      lang: document?.lang ?? config.lang,
      status: failed ? 'failed' : 'skipped',
      title: document?.meta.title,
      reviewed: document?.meta.reviewed,
      review_due: document?.meta.review_due,
      readability,
      outputs: [],
      diagnostics: diagnosticsOf(file),
    };
  });
  const failed = documents.filter((d) => d.status === 'failed').length;
  return {
    documents,
    summary: { built: 0, skipped: documents.length - failed, failed, ms: Math.round(performance.now() - started) },
  };
}
