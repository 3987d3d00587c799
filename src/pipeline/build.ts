import { cachedReport } from '../cache/fresh.js';
import { baseKey } from '../cache/keys.js';
import type { ResolvedConfig } from '../config/types.js';
import type { BrowserManager } from '../browser/manager.js';
import type { DocumentRef } from '../core/document-ref.js';
import { discoverDocuments } from '../discover/documents.js';
import { requireFormat } from '../formats/registry.js';
import type { BuildReport, DocumentReport } from '../report/types.js';
import { ensureWritable } from '../write/atomic.js';
import { writeIndexes } from '../write/indexes.js';
import { dropOtherShards } from './shard-folder.js';
import { Session } from './session.js';
import { inShard, parseShard } from './shard.js';

export interface BuildOptions {
  /** The resolved configuration (see `loadConfig`); taken from `session` when one is given. */
  config?: ResolvedConfig;
  /** A session to build on (the dev server and watch mode keep one alive); one is made when absent. */
  session?: Session;
  /** A browser to render through, when no session is given; closed by its owner, not here. */
  browser?: BrowserManager;
  /** Only these sources (files or folders inside the content folder); all when empty. */
  sources?: readonly string[];
  /** The folder `sources` are relative to. Default: the config's project root. */
  cwd?: string;
  /** Only shard I of N of the documents, `I/N` (see `handouts merge`). Default: the config's `shard`, else all. */
  shard?: string;
  /** Rebuild every output, current or not. */
  force?: boolean;
  /** Build only these of the configured formats this time (the dev server makes the quick ones first). */
  formats?: readonly string[];
  /** Called once with the number of documents, before any is reported. */
  onPlan?: (total: number) => void;
  /** Called once per finished document, for progress output. */
  onDocument?: (report: DocumentReport) => void;
  log?: (message: string) => void;
}

/**
 * The build, stage by stage: discover -> cache check -> (for what changed: parse -> transform
 * -> source rules -> template -> render -> page rules -> write) -> manifest and catalog. It does
 * nothing else; each stage lives in its module, and the rendering stack is loaded only when
 * something changed.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const session = options.session ?? new Session({ config: requireConfig(options), browser: options.browser, log: options.log });
  const { config } = session;
  try {
    const shard = parseShard(options.shard ?? config.shard);
    const refs = inShard(discoverDocuments(config.content, config.root, options.sources, options.cwd ?? config.root), config.content, shard);
    ensureWritable(config.out);
    const ids = options.formats ? config.formats.filter((id) => options.formats!.includes(id)) : config.formats;
    const formats = ids.map(requireFormat);
    const browserKey = formats.some((format) => format.browser) ? session.browserFingerprint() : '';
    const base = baseKey(config, session.templatesFingerprint());
    options.onPlan?.(refs.length);

    const answered = new Map<DocumentRef, DocumentReport>();
    for (const ref of options.force ? [] : refs) {
      const report = cachedReport(ref, session.cache(), base, config, browserKey, (format) => session.formatTemplates(format), ids);
      if (report) answered.set(ref, report);
      if (report) options.onDocument?.(report);
    }
    const stale = refs.filter((ref) => !answered.has(ref));
    const restartsBefore = session.restarts.length;
    let timings = { htmlMs: 0, pdfMs: 0 };
    let ended: unknown;
    if (stale.length) {
      // Each build may meet the browser stopping a few times of its own (see BrowserManager).
      session.browser.resetStops();
      // Start Chromium now: it boots in its own process while the rendering modules load and the
      // first documents are prepared here. A failure is not lost: the first page asked for meets
      // the same error.
      if (formats.some((format) => format.browser)) await session.browser.startEarly();
      const { buildDocuments } = await import('./queue.js');
      const built = await buildDocuments(stale, { session, baseKey: base, formats: ids, force: Boolean(options.force), onDocument: options.onDocument });
      stale.forEach((ref, i) => {
        if (built.reports[i]) answered.set(ref, built.reports[i]);
      });
      timings = built.timings;
      ended = built.error;
      // What was built is kept also when the build ends early: the next one starts from it.
      session.cache().save();
    }
    const documents = refs.flatMap((ref) => answered.get(ref) ?? []);
    const count = (status: string) => documents.filter((d) => d.status === status).length;
    const restarted = session.restarts.slice(restartsBefore);
    const report: BuildReport = {
      documents,
      summary: { built: count('built'), skipped: count('skipped'), failed: count('failed'), ms: 0 },
      timings: { launchMs: Math.round(session.browser.launchMs), htmlMs: Math.round(timings.htmlMs), pdfMs: Math.round(timings.pdfMs) },
      browser: session.browser.description,
      ...(restarted.length && { restarts: restarted.map((document) => ({ document })) }),
      ...(config.builtInTemplates && { templates: 'built-in' as const }),
    };
    if (shard) dropOtherShards(config, shard);
    await writeIndexes(session.config, report, () => session.loadTools());
    if (ended) throw ended;
    report.summary.ms = Math.round(performance.now() - started);
    return report;
  } finally {
    if (!options.session) await session.dispose();
  }
}

function requireConfig(options: BuildOptions): ResolvedConfig {
  if (!options.config) throw new TypeError('build() needs `config` (from loadConfig) or a `session`');
  return options.config;
}
