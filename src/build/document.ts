import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type { BrowserManager } from '../browser/manager.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { DocumentRef } from '../document.js';
import { HandoutsError } from '../errors.js';
import { RenderContext } from '../formats/context.js';
import type { Produced } from '../formats/format.js';
import { FORMATS } from '../formats/index.js';
import type { FormatId } from '../formats/ids.js';
import { fail } from '../parse/diagnostics.js';
import { diagnosticsOf } from '../report/diagnostics.js';
import type { DocumentReport, OutputEntry } from '../report/types.js';
import type { TemplateSet } from '../templates/brand.js';
import type { ResolveAsset } from '../transform/images.js';
import type { ResolveInclude } from '../transform/includes.js';
import { prepareDocument } from '../transform/prepare.js';
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
  const text = readFileSync(ref.path, 'utf8');
  const includeTexts = new Map<string, string>();
  const { file, document } = prepareDocument(ref, text, {
    resolveInclude: (src, from) => {
      const found = shared.resolveInclude(src, from);
      if (found.ok) includeTexts.set(found.file, found.text);
      return found;
    },
    resolveAsset: shared.resolveAsset,
    defaultLang: config.lang,
    languages: Object.keys(shared.templates.strings),
  });
  const lang = document?.lang ?? config.lang;
  const entry = (status: DocumentReport['status'], extra: Partial<DocumentReport> = {}): DocumentReport => ({
    source: ref.source,
    slug: ref.slug,
    lang,
    status,
    ...(document && {
      title: document.meta.title,
      condition: document.meta.condition,
      reviewed: document.meta.reviewed,
      review_due: document.meta.review_due,
    }),
    outputs: [],
    ...extra,
    diagnostics: diagnosticsOf(file),
  });
  if (!document) return entry('failed');

  const hash = documentHash(text, includeTexts, shared.templates.hash, config);
  const context = new RenderContext(document, shared.templates, shared.liquid, config, shared.browser, shared.env);
  const produced = new Map<FormatId, Produced>();
  try {
    for (const id of config.formats as FormatId[]) produced.set(id, await FORMATS[id].produce(context));
  } catch (error) {
    if (error instanceof HandoutsError && error.exitCode !== 1) throw error;
    fail(file, `Rendering failed: ${(error as Error).message}`, { place: { line: 1, column: 1 }, ruleId: 'render' });
  } finally {
    shared.timings.htmlMs += context.timings.htmlMs;
    shared.timings.pdfMs += context.timings.pdfMs;
  }
  for (const url of new Set(context.blocked)) {
    fail(file, `The page tried to load \`${url}\`, which was blocked: outputs may only use files inside the project`, {
      place: { line: 1, column: 1 },
      ruleId: 'resource-blocked',
    });
  }
  if (file.messages.some((m) => m.fatal)) return entry('failed', { hash });

  const dir = path.join(config.out, document.lang, ref.slug);
  const outputs = [...produced].map(([id, result]): OutputEntry => {
    const target = path.join(dir, FORMATS[id].file);
    writeAtomic(target, result.content);
    return { format: id, file: toPosix(path.relative(config.root, target)), pages: result.pages, sha256: sha256(result.content) };
  });
  return entry('built', { hash, outputs });
}
