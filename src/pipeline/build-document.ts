import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CachedOutput } from '../cache/store.js';
import { reusableOutput } from '../cache/fresh.js';
import { documentKey, formatKey } from '../cache/keys.js';
import type { DocumentRef } from '../core/document-ref.js';
import { reviewState } from '../core/review.js';
import { RenderContext } from '../formats/context.js';
import { requireFormat } from '../formats/registry.js';
import { diagnosticsOf } from '../report/diagnostics.js';
import type { DocumentReport, FormatFailure, OutputEntry } from '../report/types.js';
import { applySeverity } from '../rules/severity.js';
import { analyseDocument, ruleContext } from './analyse.js';
import { documentEntry } from './entry.js';
import { writeOutputs } from '../write/outputs.js';
import { renderFormats, type FormatOutcome } from './render.js';
import type { Session } from './session.js';
import type { Tools } from './tools.js';
import { reviewWarnDays } from '../rules/review-due.js';

export interface DocumentRun {
  session: Session;
  tools: Tools;
  /** The key every document key starts from (tool, templates, settings). */
  baseKey: string;
  /** The formats to make this run, by id, in the registry's order. */
  formats: readonly string[];
  /** Render every format even when its cached output is current. */
  force: boolean;
  /** Adds up the time spent in each stage across documents. */
  timings: { htmlMs: number; pdfMs: number };
}

/**
 * One document through every stage: read, parse and transform, source rules, then each format
 * whose cached output is not current (see render.ts), the page rules on what it rendered, then
 * write. A source error fails the whole document before anything is rendered. A format that
 * fails fails alone: the others are written, and it keeps its previous complete file (or has
 * none), never a clipped one; the document is reported failed, naming the format and why.
 * Content problems come back as diagnostics, never as exceptions.
 */
export async function buildDocument(ref: DocumentRef, run: DocumentRun): Promise<DocumentReport> {
  const { config } = run.tools;
  const analysed = analyseDocument(ref, readFileSync(ref.path, 'utf8'), run.tools);
  const { file, document } = analysed;
  if (!document) return documentEntry(ref, config, analysed, 'failed');
  const hash = documentKey(run.baseKey, document.deps);
  if (analysed.failed) return documentEntry(ref, config, analysed, 'failed', { hash });

  const cache = run.session.cache();
  const cached = cache.get(ref.source);
  const plan = run.formats.map((id) => {
    const format = requireFormat(id);
    return { format, key: formatKey(hash, format, config, run.session.browserFingerprint(), run.session.formatTemplates(format)) };
  });
  const reused = new Map<string, CachedOutput>();
  for (const { format, key } of plan) {
    const current = run.force ? undefined : reusableOutput(cached, key, config.root);
    if (current) reused.set(format.id, current);
  }
  const context = new RenderContext(document, { ...run.tools, browser: run.session.browser });
  let outcomes: FormatOutcome[];
  try {
    outcomes = await renderFormats(
      plan.filter(({ format }) => !reused.has(format.id)).map(({ format }) => format),
      document,
      { context, rules: ruleContext(document, run.tools), log: (message) => run.session.log(message), onRestart: () => run.session.restarts.push(ref.source) },
    );
  } finally {
    run.timings.htmlMs += context.timings.htmlMs;
    run.timings.pdfMs += context.timings.pdfMs;
  }
  applySeverity(file, config.rules, config.strict);
  // Each message a format gave is reported with that format's id.
  const formatOf = new Map<unknown, string>(outcomes.flatMap((o) => o.messages.map((m) => [m, o.format.id] as const)));
  const diagnosticsFor = (outcome: FormatOutcome) => diagnosticsOf(file, outcome.messages, formatOf);
  const previous = (id: string) => cached?.outputs.find((o) => o.format === id);

  const written = outcomes.flatMap((o) => {
    if (o.failed) return [];
    const key = plan.find((p) => p.format === o.format)!.key;
    return [writeOutputs(document, o.format, key, o.produced!, diagnosticsFor(o), config, previous(o.format.id))];
  });
  const failures: FormatFailure[] = outcomes
    .filter((o) => o.failed)
    .map((o) => {
      const kept = previous(o.format.id)?.files[0]?.file;
      return { format: o.format.id, diagnostics: diagnosticsFor(o), ...(kept && existsSync(path.join(config.root, kept)) && { kept }) };
    });
  const outputs = plan.flatMap(({ format }) => reused.get(format.id) ?? written.find((o) => o.format === format.id) ?? []);
  // What the page rules found on an output that is reused still holds for it.
  const carried = [...reused.values()].flatMap((output) => output.diagnostics);
  const status = failures.length ? 'failed' : written.length ? 'built' : 'skipped';
  const report = documentEntry(ref, config, analysed, status, { hash, carried, outputs: outputs.map(outputEntry), failures, formatOf });
  // The cache keeps the previous output of a failed format (its file is still on disk, and its old
  // key means it is made again next time); its report says only what holds for the current outputs.
  const failedFormats = new Set(failures.map((f) => f.format));
  cache.set(ref.source, {
    hash,
    deps: Object.fromEntries(document.deps),
    review: reviewState(document.meta.reviewed, document.meta.review_due, config.today, reviewWarnDays(config.rules)),
    report: { ...report, status: 'built', failures: undefined, diagnostics: report.diagnostics.filter((d) => !d.format || !failedFormats.has(d.format)) },
    outputs: [...(cached?.outputs.filter((o) => !outputs.some((n) => n.format === o.format)) ?? []), ...outputs],
  });
  return report;
}

function outputEntry(output: CachedOutput): OutputEntry {
  const [main, ...rest] = output.files;
  return {
    format: output.format,
    file: main!.file,
    ...(rest.length && { files: output.files.map((f) => f.file) }),
    pages: output.pages,
    sha256: main!.sha256,
  };
}
