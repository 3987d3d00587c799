import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type { VFile } from 'vfile';
import type { BrowserManager } from '../browser/manager.js';
import { reusableOutput } from '../cache/fresh.js';
import { documentKey, formatKey, sha256 } from '../cache/keys.js';
import type { BuildCache, CachedOutput } from '../cache/store.js';
import type { LinkTarget } from '../checks/content.js';
import { reviewState } from '../checks/review-dates.js';
import { applySeverity } from '../checks/severity.js';
import type { ResolvedConfig } from '../config/types.js';
import { toPosix } from '../discover/documents.js';
import type { DocumentRef, PreparedDocument } from '../document.js';
import { HandoutsError } from '../errors.js';
import { RenderContext } from '../formats/context.js';
import type { Produced } from '../formats/format.js';
import type { FormatId } from '../formats/ids.js';
import { FORMATS } from '../formats/index.js';
import { fail, hasErrors, warn } from '../parse/diagnostics.js';
import { diagnosticsOf } from '../report/diagnostics.js';
import type { DocumentReport, OutputEntry } from '../report/types.js';
import type { TemplateSet } from '../templates/brand.js';
import type { ResolveAsset } from '../transform/images.js';
import type { ResolveInclude } from '../transform/includes.js';
import { writeAtomic } from '../write/atomic.js';
import { analyseDocument } from './analyse.js';

export interface BuildShared {
  config: ResolvedConfig;
  templates: TemplateSet;
  liquid: Liquid;
  browser: BrowserManager;
  resolveInclude: ResolveInclude;
  resolveAsset: ResolveAsset;
  linkTarget: LinkTarget;
  env: Readonly<Record<string, string | undefined>>;
  cache: BuildCache;
  /** The key every document key starts from (tool, templates, settings). */
  baseKey: string;
  /** Render every format even when its cached output is current. */
  force: boolean;
  /** Adds up the time spent in each stage across documents. */
  timings: { htmlMs: number; pdfMs: number };
}

/**
 * One document through every stage: read, parse and transform, content rules, then each format
 * whose cached output is not current, then write. Outputs are written only when every format
 * succeeded, so a failure leaves the previous complete outputs in place. Content problems come
 * back as diagnostics, never as exceptions.
 */
export async function buildDocument(ref: DocumentRef, shared: BuildShared): Promise<DocumentReport> {
  const { config } = shared;
  let context: RenderContext | undefined;
  const contextFor = (doc: PreparedDocument) =>
    (context ??= new RenderContext(doc, shared.templates, shared.liquid, config, shared.browser, shared.env));
  const makesHandout = config.formats.some((id) => id.startsWith('handout'));
  const { file, document, readability, failed } = analyseDocument(ref, readFileSync(ref.path, 'utf8'), {
    ...shared,
    // The printed page: the same template as handout.html, without the inline fonts to parse.
    handoutHtml: makesHandout ? (doc) => contextFor(doc).handoutPrintHtml() : undefined,
  });
  // Findings measured while rendering a format that is reused this time still hold for it.
  let carried: DocumentReport['diagnostics'] = [];
  const entry = (status: DocumentReport['status'], extra: Partial<DocumentReport> = {}): DocumentReport => ({
    source: ref.source,
    slug: ref.slug,
    lang: document?.lang ?? config.lang,
    status,
    ...(document && {
      title: document.meta.title,
      condition: document.meta.condition,
      reviewed: document.meta.reviewed,
      review_due: document.meta.review_due,
    }),
    readability,
    outputs: [],
    ...extra,
    diagnostics: [...diagnosticsOf(file), ...carried],
  });
  if (!document) return entry('failed');
  const hash = documentKey(shared.baseKey, document.deps);
  if (failed) return entry('failed', { hash });

  const cached = shared.cache.get(ref.source);
  const reused = new Map<FormatId, CachedOutput>();
  const produced = new Map<FormatId, Produced>();
  const render = contextFor(document);
  const renderAll = async () => {
    for (const id of config.formats as FormatId[]) {
      if (produced.has(id) || reused.has(id)) continue;
      const current = shared.force ? undefined : reusableOutput(cached, hash, id, config.root);
      if (current) reused.set(id, current);
      else produced.set(id, await FORMATS[id].produce(render));
    }
  };
  try {
    try {
      await renderAll();
    } catch (error) {
      // Chromium crashed or was killed: the manager starts a new one on next use; try once more.
      if (!browserGone(error)) throw error;
      await renderAll();
    }
  } catch (error) {
    if (error instanceof HandoutsError && error.exitCode !== 1) throw error;
    fail(file, `Rendering failed: ${(error as Error).message}`, { place: { line: 1, column: 1 }, ruleId: 'render' });
  } finally {
    shared.timings.htmlMs += render.timings.htmlMs;
    shared.timings.pdfMs += render.timings.pdfMs;
  }
  if (reused.has('slides-pdf')) carried = cached?.report.diagnostics.filter((d) => d.rule === 'slide-overflow') ?? [];
  reportRenderFindings(render, file);
  applySeverity(file, config.rules, config.strict);
  if (hasErrors(file)) return entry('failed', { hash });

  const written = writeOutputs(document, produced, hash, config);
  const outputs = [...written, ...reused.values()].sort((a, b) => config.formats.indexOf(a.format) - config.formats.indexOf(b.format));
  const previous = new Map(cached?.report.outputs.map((o) => [o.format, o]));
  const report = entry(produced.size ? 'built' : 'skipped', {
    hash,
    outputs: outputs.map((o): OutputEntry => ({
      format: o.format,
      file: o.file,
      pages: produced.get(o.format)?.pages ?? previous.get(o.format)?.pages,
      sha256: o.sha256,
    })),
  });
  shared.cache.set(ref.source, {
    hash,
    deps: Object.fromEntries(document.deps),
    review: reviewState(document.meta.reviewed, document.meta.review_due, config.today, config.rules.reviewWarnDays),
    report: { ...report, status: 'built' },
    outputs: [...(cached?.outputs.filter((o) => !outputs.some((n) => n.format === o.format)) ?? []), ...outputs],
  });
  return report;
}

/** Errors that mean the browser process or its connection went away, not that the page was bad. */
function browserGone(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error);
  return /Target closed|Session closed|Connection closed|browser has disconnected|Protocol error|detached|crashed/i.test(message);
}

function writeOutputs(document: PreparedDocument, produced: Map<FormatId, Produced>, hash: string, config: ResolvedConfig): CachedOutput[] {
  const dir = path.join(config.out, document.lang, document.ref.slug);
  return [...produced].map(([id, result]) => {
    const target = path.join(dir, FORMATS[id].file);
    writeAtomic(target, result.content);
    const stat = statSync(target);
    return {
      format: id,
      file: toPosix(path.relative(config.root, target)),
      key: formatKey(hash, id),
      sha256: sha256(result.content),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
    };
  });
}

/** What only the browser can tell: blocked requests, and slides whose content is taller than the slide. */
function reportRenderFindings(render: RenderContext, file: VFile): void {
  for (const url of new Set(render.blocked)) {
    fail(file, `The page tried to load \`${url}\`, which was blocked: outputs may only use files inside the project`, {
      place: { line: 1, column: 1 },
      ruleId: 'resource-blocked',
    });
  }
  for (const { slide, by } of render.overflow) {
    const info = render.deck().slides[slide];
    warn(file, `Slide ${slide + 1} (“${info?.title ?? ''}”) is ${by}px taller than the slide: shorten it, or split the section with another \`##\` heading`, {
      place: info?.place ?? { line: 1, column: 1 },
      ruleId: 'slide-overflow',
      in: info?.file,
    });
  }
}
