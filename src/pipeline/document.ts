import { readFileSync } from 'node:fs';
import type { CachedOutput } from '../cache/store.js';
import { reusableOutput } from '../cache/fresh.js';
import { documentKey, formatKey } from '../cache/keys.js';
import { fail } from '../core/diagnostics.js';
import type { DocumentRef } from '../core/document.js';
import type { PreparedDocument } from '../transform/document.js';
import { HandoutsError } from '../core/errors.js';
import { reviewState } from '../core/review.js';
import { RenderContext } from '../formats/context.js';
import type { OutputFormat, Produced } from '../formats/format.js';
import { requireFormat } from '../formats/registry.js';
import { diagnosticsOf } from '../report/diagnostics.js';
import type { Diagnostic, DocumentReport, OutputEntry } from '../report/types.js';
import { runPageRules } from '../rules/run.js';
import { applySeverity } from '../rules/severity.js';
import { analyseDocument, ruleContext } from './analyse.js';
import { documentEntry } from './entry.js';
import { writeOutputs } from './outputs.js';
import type { Session } from './session.js';
import type { Tools } from './tools.js';

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
 * whose cached output is not current, the page rules on what it rendered, then write. Outputs
 * are written only when every format succeeded, so a failure leaves the previous complete
 * outputs in place. Content problems come back as diagnostics, never as exceptions.
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
    return { format, key: formatKey(hash, format, config, run.session.browserFingerprint()) };
  });
  const reused = new Map<string, CachedOutput>();
  for (const { format, key } of plan) {
    const current = run.force ? undefined : reusableOutput(cached, key, config.root);
    if (current) reused.set(format.id, current);
  }
  const context = new RenderContext(document, { ...run.tools, browser: run.session.browser });
  const made = new Map<string, { produced: Produced; diagnostics: Diagnostic[] }>();
  try {
    await renderFormats(plan.filter(({ format }) => !reused.has(format.id)).map(({ format }) => format), document, context, run, made);
  } catch (error) {
    if (error instanceof HandoutsError && error.exitCode !== 1) throw error;
    fail(file, `Rendering failed: ${(error as Error).message}`, { place: { line: 1, column: 1 }, ruleId: 'render' });
  } finally {
    run.timings.htmlMs += context.timings.htmlMs;
    run.timings.pdfMs += context.timings.pdfMs;
  }
  applySeverity(file, config.rules, config.strict);
  // What the page rules found on an output that is reused still holds for it.
  const carried = [...reused.values()].flatMap((output) => output.diagnostics);
  if (file.messages.some((message) => message.fatal)) return documentEntry(ref, config, analysed, 'failed', { hash, carried });

  const written = plan.flatMap(({ format, key }) => {
    const result = made.get(format.id);
    return result ? [writeOutputs(document, format, key, result.produced, result.diagnostics, config, cached?.outputs.find((o) => o.format === format.id))] : [];
  });
  const outputs = plan.map(({ format }) => reused.get(format.id) ?? written.find((o) => o.format === format.id)!);
  const report = documentEntry(ref, config, analysed, made.size ? 'built' : 'skipped', { hash, carried, outputs: outputs.map(outputEntry) });
  cache.set(ref.source, {
    hash,
    deps: Object.fromEntries(document.deps),
    review: reviewState(document.meta.reviewed, document.meta.review_due, config.today, config.rules.reviewWarnDays),
    report: { ...report, status: 'built' },
    outputs: [...(cached?.outputs.filter((o) => !outputs.some((n) => n.format === o.format)) ?? []), ...outputs],
  });
  return report;
}

/** Renders each format once; if Chromium crashed or was killed, the manager starts a new one and the rest is tried once more. */
async function renderFormats(
  formats: OutputFormat[],
  document: PreparedDocument,
  context: RenderContext,
  run: DocumentRun,
  made: Map<string, { produced: Produced; diagnostics: Diagnostic[] }>,
): Promise<void> {
  const rules = ruleContext(document, run.tools);
  const renderAll = async () => {
    for (const format of formats) {
      if (made.has(format.id)) continue;
      const produced = await format.produce(context);
      const before = new Set(document.file.messages);
      runPageRules(document, format, produced.findings ?? {}, rules);
      made.set(format.id, { produced, diagnostics: diagnosticsOf(document.file, document.file.messages.filter((m) => !before.has(m))) });
    }
  };
  try {
    await renderAll();
  } catch (error) {
    if (!browserGone(error)) throw error;
    run.session.log(`The browser stopped while rendering ${document.ref.source}; starting (or connecting to) it again to retry the document`);
    let reached = true;
    try {
      await renderAll();
    } catch (retryError) {
      // The browser went away under this document and could not be had again (a remote one that
      // stays gone, after the manager's bounded reconnect): that ends this document with a render
      // error where it is reported, rather than the whole build; a document that starts later
      // meets the same error on its own, and then the build ends with it (exit 3).
      if (!(retryError instanceof HandoutsError) || retryError.exitCode === 1) throw retryError;
      reached = false;
      // One line: a diagnostic is printed as one (and as one GitHub annotation).
      const said = [retryError.message, retryError.hint].filter(Boolean).join(' ').replace(/\s*\n\s*/g, ' ');
      throw new Error(`the browser went away and could not be reached again. ${said}`, { cause: retryError });
    } finally {
      // Only a document the browser came back for was rendered again.
      if (reached) run.session.restarts.push(document.ref.source);
    }
  }
}

/** Errors that mean the browser process or its connection went away, not that the page was bad. */
function browserGone(error: unknown): boolean {
  // The tool's own errors (no browser could be started or reached) already say what to do; retrying
  // them would only repeat the wait, whatever words the underlying message happens to contain.
  if (error instanceof HandoutsError) return false;
  const message = String((error as Error)?.message ?? error);
  return /Target closed|Session closed|Connection closed|browser has disconnected|Protocol error|detached|crashed/i.test(message);
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
