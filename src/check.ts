import { readFileSync } from 'node:fs';
import type { ResolvedConfig } from './config/schema.js';
import { discoverDocuments } from './discover/documents.js';
import { createResolvers } from './discover/resolvers.js';
import { diagnosticsOf } from './report/diagnostics.js';
import type { BuildReport } from './report/types.js';
import { loadTemplates } from './templates/load.js';
import { prepareDocument } from './transform/prepare.js';

/**
 * `handouts check`: the parse and transform stages for every document, without a browser and
 * without writing anything. A document with errors is `failed`; the others are `skipped` (not
 * rendered), each with its warnings.
 */
export function check(options: { config: ResolvedConfig; sources?: readonly string[]; cwd: string }): BuildReport {
  const started = performance.now();
  const { config } = options;
  const templates = loadTemplates(config.templates, config.root);
  const resolvers = createResolvers(config.content, config.root);
  const documents = discoverDocuments(config.content, config.root, options.sources, options.cwd).map((ref) => {
    const { file, document } = prepareDocument(ref, readFileSync(ref.path, 'utf8'), {
      ...resolvers,
      defaultLang: config.lang,
      languages: Object.keys(templates.strings),
    });
    return {
      source: ref.source,
      slug: ref.slug,
      lang: document?.lang ?? config.lang,
      title: document?.meta.title,
      status: document ? ('skipped' as const) : ('failed' as const),
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
