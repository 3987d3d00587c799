import path from 'node:path';
import pLimit from 'p-limit';
import { buildDocument, type BuildShared } from './build/document.js';
import { BrowserManager } from './browser/manager.js';
import type { ResolvedConfig } from './config/schema.js';
import { discoverDocuments } from './discover/documents.js';
import { createResolvers } from './discover/resolvers.js';
import type { BuildReport } from './report/types.js';
import { createLiquid } from './templates/liquid.js';
import { loadTemplates } from './templates/load.js';
import { writeAtomic } from './write/atomic.js';
import { renderCatalog } from './write/catalog.js';
import { mergeManifest, readManifest, writeManifest } from './write/manifest.js';

export interface BuildOptions {
  config: ResolvedConfig;
  /** Only these sources (files or folders inside the content folder); all when empty. */
  sources?: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** A browser to render through; when absent one is launched for this build and closed after. */
  browser?: BrowserManager;
  /** Called once per finished document, for progress output. */
  onDocument?: (report: BuildReport['documents'][number]) => void;
  log?: (message: string) => void;
}

/**
 * The build, stage by stage: discover -> (per document: parse -> transform -> template ->
 * render -> write) -> manifest and catalog. It does nothing else; each stage lives in its module.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const { config } = options;
  const templates = loadTemplates(config.templates, config.root);
  const refs = discoverDocuments(config.content, config.root, options.sources, options.cwd);
  const owned = !options.browser;
  const browser =
    options.browser ??
    new BrowserManager({
      executablePath: config.browser,
      executableFrom: '--browser',
      endpoint: config.browserEndpoint,
      maxPages: config.concurrency,
      log: options.log,
    });
  const liquid = createLiquid();
  const shared: BuildShared = {
    config,
    templates,
    liquid,
    browser,
    ...createResolvers(config.content, config.root),
    env: options.env,
    timings: { htmlMs: 0, pdfMs: 0 },
  };
  try {
    const limit = pLimit(config.concurrency);
    const documents = await Promise.all(
      refs.map((ref) =>
        limit(async () => {
          const report = await buildDocument(ref, shared);
          options.onDocument?.(report);
          return report;
        }),
      ),
    );
    const count = (status: string) => documents.filter((d) => d.status === status).length;
    const report: BuildReport = {
      documents,
      summary: { built: count('built'), skipped: count('skipped'), failed: count('failed'), ms: 0 },
      timings: { launchMs: Math.round(browser.launchMs), htmlMs: Math.round(shared.timings.htmlMs), pdfMs: Math.round(shared.timings.pdfMs) },
      browser: browser.description,
    };
    const manifest = mergeManifest(readManifest(config.out), report, config.root);
    writeManifest(config.out, manifest);
    writeAtomic(path.join(config.out, 'index.html'), renderCatalog(manifest, templates, liquid, config.out, config.root));
    report.summary.ms = Math.round(performance.now() - started);
    return report;
  } finally {
    if (owned) await browser.dispose();
  }
}
