import pLimit from 'p-limit';
import type { BrowserManager } from '../browser/manager.js';
import type { BuildCache } from '../cache/store.js';
import type { ResolvedConfig } from '../config/types.js';
import { createResolvers } from '../discover/resolvers.js';
import type { DocumentRef } from '../document.js';
import type { DocumentReport } from '../report/types.js';
import { createLiquid } from '../templates/liquid.js';
import { loadTemplates } from '../templates/load.js';
import { buildDocument, type BuildShared } from './document.js';

export interface RunOptions {
  config: ResolvedConfig;
  browser: BrowserManager;
  cache: BuildCache;
  baseKey: string;
  force: boolean;
  env: Readonly<Record<string, string | undefined>>;
  onDocument?: (report: DocumentReport) => void;
}

/**
 * Builds the documents the cache could not answer for, a bounded number at a time through the
 * one browser. This module and what it imports (templates, Markdown, Marp, PDF) are loaded only
 * when there is something to build.
 */
export async function buildDocuments(refs: readonly DocumentRef[], options: RunOptions) {
  const { config } = options;
  const shared: BuildShared = {
    config,
    templates: loadTemplates(config.templates, config.root),
    liquid: createLiquid(),
    browser: options.browser,
    ...createResolvers(config.content, config.root),
    env: options.env,
    cache: options.cache,
    baseKey: options.baseKey,
    force: options.force,
    timings: { htmlMs: 0, pdfMs: 0 },
  };
  const limit = pLimit(config.concurrency);
  const reports = await Promise.all(
    refs.map((ref) =>
      limit(async () => {
        const report = await buildDocument(ref, shared);
        options.onDocument?.(report);
        return report;
      }),
    ),
  );
  return { reports, templates: shared.templates, liquid: shared.liquid, timings: shared.timings };
}
