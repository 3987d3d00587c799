import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type { BrowserManager } from '../browser/manager.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { DocumentRef, PreparedDocument } from '../document.js';
import { HandoutsError } from '../errors.js';
import { RenderContext } from '../formats/context.js';
import type { Produced } from '../formats/format.js';
import { FORMATS } from '../formats/index.js';
import type { FormatId } from '../formats/ids.js';
import { fail, hasErrors, warn } from '../parse/diagnostics.js';
import { applySeverity } from '../checks/severity.js';
import type { VFile } from 'vfile';
import { analyseDocument } from './analyse.js';
import { diagnosticsOf } from '../report/diagnostics.js';
import type { DocumentReport, OutputEntry } from '../report/types.js';
import type { TemplateSet } from '../templates/brand.js';
import type { ResolveAsset } from '../transform/images.js';
import type { ResolveInclude } from '../transform/includes.js';
import type { LinkTarget } from '../checks/content.js';
import { writeAtomic } from '../write/atomic.js';
import { toPosix } from '../discover/documents.js';
import { documentHash, sha256 } from './hash.js';

export interface BuildShared {
  config: ResolvedConfig;
  templates: TemplateSet;
  liquid: Liquid;
  browser: BrowserManager;
  resolveInclude: ResolveInclude;
  resolveAsset: ResolveAsset;
  linkTarget: LinkTarget;
  env: Readonly<Record<string, string | undefined>>;
  /** Adds up the time spent in each stage across documents. */
  timings: { htmlMs: number; pdfMs: number };
}

/**
 * One document through every stage: read, parse and transform, then each format, then write.
 * Its outputs are written only when every format succeeded, so a failure leaves the previous
 * complete outputs in place. Content problems come back as diagnostics, never as exceptions.
 */
export async function buildDocument(ref: DocumentRef, shared: BuildShared): Promise<DocumentReport> {
  const { config } = shared;
  let context: RenderContext | undefined;
  const contextFor = (doc: PreparedDocument) =>
    (context ??= new RenderContext(doc, shared.templates, shared.liquid, config, shared.browser, shared.env));
  const makesHandout = config.formats.some((id) => id.startsWith('handout'));
  const { file, document, readability, failed } = analyseDocument(ref, readFileSync(ref.path, 'utf8'), {
    ...shared,
    handoutHtml: makesHandout ? (doc) => contextFor(doc).handoutHtml() : undefined,
  });
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
    diagnostics: diagnosticsOf(file),
  });
  if (!document) return entry('failed');
  const hash = documentHash(document.texts, shared.templates.hash, config);
  if (failed) return entry('failed', { hash });

  const render = contextFor(document);
  const produced = new Map<FormatId, Produced>();
  try {
    for (const id of config.formats as FormatId[]) produced.set(id, await FORMATS[id].produce(render));
  } catch (error) {
    if (error instanceof HandoutsError && error.exitCode !== 1) throw error;
    fail(file, `Rendering failed: ${(error as Error).message}`, { place: { line: 1, column: 1 }, ruleId: 'render' });
  } finally {
    shared.timings.htmlMs += render.timings.htmlMs;
    shared.timings.pdfMs += render.timings.pdfMs;
  }
  reportRenderFindings(render, file);
  applySeverity(file, config.rules, config.strict);
  if (hasErrors(file)) return entry('failed', { hash });

  const dir = path.join(config.out, document.lang, ref.slug);
  const outputs = [...produced].map(([id, result]): OutputEntry => {
    const target = path.join(dir, FORMATS[id].file);
    writeAtomic(target, result.content);
    return { format: id, file: toPosix(path.relative(config.root, target)), pages: result.pages, sha256: sha256(result.content) };
  });
  return entry('built', { hash, outputs });
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
