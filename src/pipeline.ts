import { existsSync } from 'node:fs';
import type { Liquid } from 'liquidjs';
import path from 'node:path';
import { BrowserManager } from './browser/manager.js';
import { cachedReport } from './cache/fresh.js';
import { baseKey, templatesFingerprint } from './cache/keys.js';
import { BuildCache } from './cache/store.js';
import type { ResolvedConfig } from './config/types.js';
import { discoverDocuments } from './discover/documents.js';
import type { DocumentRef } from './document.js';
import type { BuildReport, DocumentReport } from './report/types.js';
import type { TemplateSet } from './templates/brand.js';
import { ensureWritable, writeAtomic } from './write/atomic.js';
import { MANIFEST, mergeManifest, readManifest, serialiseManifest } from './write/manifest.js';

export interface BuildOptions {
  config: ResolvedConfig;
  /** Only these sources (files or folders inside the content folder); all when empty. */
  sources?: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Rebuild every output, current or not. */
  force?: boolean;
  /** A browser to render through; when absent one is launched for this build (if needed) and closed after. */
  browser?: BrowserManager;
  /** Called once with the number of documents, before any is reported. */
  onPlan?: (total: number) => void;
  /** Called once per finished document, for progress output. */
  onDocument?: (report: DocumentReport) => void;
  log?: (message: string) => void;
}

/**
 * The build, stage by stage: discover -> cache check -> (for what changed: parse -> transform
 * -> check -> template -> render -> write) -> manifest and catalog. It does nothing else; each
 * stage lives in its module, and the rendering stack is loaded only when something changed.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const { config } = options;
  const refs = discoverDocuments(config.content, config.root, options.sources, options.cwd);
  const base = baseKey(config, templatesFingerprint(config.templates, config.root));
  ensureWritable(config.out);
  const cache = BuildCache.load(config.out);

  options.onPlan?.(refs.length);
  const answered = new Map<DocumentRef, DocumentReport>();
  for (const ref of refs) {
    const report = options.force ? undefined : cachedReport(ref, cache, base, config);
    if (report) {
      answered.set(ref, report);
      options.onDocument?.(report);
    }
  }
  const stale = refs.filter((ref) => !answered.has(ref));
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
  try {
    let built: Awaited<ReturnType<typeof import('./build/run.js').buildDocuments>> | undefined;
    if (stale.length) {
      // Start Chromium now: it boots in its own process while the rendering modules load here.
      // A failure is not lost: the first page asked for meets the same error.
      if (config.formats.some((id) => id.endsWith('-pdf'))) browser.browser().catch(() => undefined);
      const { buildDocuments } = await import('./build/run.js');
      built = await buildDocuments(stale, { config, browser, cache, baseKey: base, force: Boolean(options.force), env: options.env, onDocument: options.onDocument });
      stale.forEach((ref, i) => answered.set(ref, built!.reports[i]!));
      cache.save();
    }
    const documents = refs.map((ref) => answered.get(ref)!);
    const count = (status: string) => documents.filter((d) => d.status === status).length;
    const report: BuildReport = {
      documents,
      summary: { built: count('built'), skipped: count('skipped'), failed: count('failed'), ms: 0 },
      timings: { launchMs: Math.round(browser.launchMs), htmlMs: Math.round(built?.timings.htmlMs ?? 0), pdfMs: Math.round(built?.timings.pdfMs ?? 0) },
      browser: browser.description,
    };
    await writeIndexes(config, report, built);
    report.summary.ms = Math.round(performance.now() - started);
    return report;
  } finally {
    if (owned) await browser.dispose();
  }
}

/**
 * Writes `manifest.json` and `index.html` when what they say changed (or they are missing), so a
 * rebuild with nothing to do touches no file and loads no template.
 */
async function writeIndexes(config: ResolvedConfig, report: BuildReport, loaded?: { templates: TemplateSet; liquid: Liquid }): Promise<void> {
  const manifestFile = path.join(config.out, MANIFEST);
  const catalogFile = path.join(config.out, 'index.html');
  const previous = readManifest(config.out);
  const manifest = mergeManifest(previous.manifest, report, config.root);
  const text = serialiseManifest(manifest);
  const same = previous.text === text;
  if (same && existsSync(catalogFile)) return;
  if (!same) writeAtomic(manifestFile, text);
  const { renderCatalogFile } = await import('./write/catalog.js');
  writeAtomic(catalogFile, renderCatalogFile(manifest, config, loaded));
}
