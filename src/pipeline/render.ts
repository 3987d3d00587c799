import type { VFileMessage } from 'vfile-message';
import { fail } from '../core/diagnostics.js';
import { BrowserStoppedTooOften } from '../browser/manager.js';
import { HandoutsError } from '../core/errors.js';
import type { RenderContext } from '../formats/context.js';
import type { OutputFormat, Produced } from '../formats/format.js';
import { runPageRules } from '../rules/run.js';
import type { RuleContext } from '../rules/rule.js';
import type { PreparedDocument } from '../transform/prepared.js';

/** What one format of a document came to: its files, or a failure; and what its page rules said. */
export interface FormatOutcome {
  format: OutputFormat;
  /** Absent when the format failed: nothing of it is written. */
  produced?: Produced;
  /** Its page rules' messages and its render error, with the configured severities. */
  messages: VFileMessage[];
  failed: boolean;
}

export interface RenderRun {
  context: RenderContext;
  rules: RuleContext & { strict: boolean };
  log: (message: string) => void;
  /** Called once when the document is rendered again after the browser stopped under it. */
  onRestart: () => void;
}

/** Times a document is rendered again on a new browser after the browser stopped under it. */
export const RENDER_RETRIES = 3;

/**
 * Renders a document's formats, all at once (the browser's page pool bounds how many pages work
 * together), then runs each format's page rules in the registry's order, so the report's messages
 * come in the same order whatever finished first. A format that fails fails alone: its error, or
 * an error its page rules found (a brochure that does not fit), is its own, and the others are
 * still made. When the browser stops under the document, the formats not yet made are rendered
 * again on a new one, up to RENDER_RETRIES times. Only the tool's own environment errors (the
 * browser stopped too often, or cannot be had at all) end the build.
 */
export async function renderFormats(formats: readonly OutputFormat[], doc: PreparedDocument, run: RenderRun): Promise<FormatOutcome[]> {
  const produced = new Map<string, Produced>();
  const errors = new Map<string, string>();
  // Whether a new browser was had after one stopped under this document: only then was it rendered again.
  let restarted = false;
  for (let attempt = 0; ; attempt++) {
    const pending = formats.filter((format) => !produced.has(format.id) && !errors.has(format.id));
    if (!pending.length) break;
    const results = await Promise.allSettled(pending.map((format) => format.produce(run.context)));
    let gone = false;
    let environment: HandoutsError | undefined;
    for (const [i, result] of results.entries()) {
      const { id } = pending[i]!;
      if (result.status === 'fulfilled') produced.set(id, result.value);
      else if (result.reason instanceof HandoutsError && result.reason.exitCode !== 1) environment ??= result.reason;
      else if (browserGone(result.reason)) gone = true;
      else errors.set(id, oneLine((result.reason as Error)?.message ?? String(result.reason)));
    }
    const unmade = pending.filter((format) => !produced.has(format.id) && !errors.has(format.id));
    if (attempt > 0 && !environment) restarted = true;
    if (environment) {
      // Stopped too often, or no browser to begin with: the build ends (exit 3). A browser that
      // went away under this document and cannot be had again (a remote one that stays gone) ends
      // this document with a render error; a document that starts later meets it on its own.
      if (environment instanceof BrowserStoppedTooOften || (!gone && attempt === 0)) throw environment;
      const said = `the browser went away and could not be reached again. ${oneLine([environment.message, environment.hint].filter(Boolean).join(' '))}`;
      for (const format of unmade) errors.set(format.id, said);
      break;
    }
    if (!gone) continue;
    if (attempt >= RENDER_RETRIES) {
      const said = `the browser stopped ${attempt + 1} times while this document was rendered; it may be out of memory: try --concurrency 1`;
      for (const format of unmade) errors.set(format.id, said);
      break;
    }
    run.log(`The browser stopped while rendering ${doc.ref.source}; rendering it again on a new one`);
  }
  if (restarted) run.onRestart();
  return outcomes(formats, doc, run, produced, errors);
}

/** Page rules on each format that was made, and a located render error for each that was not. */
function outcomes(
  formats: readonly OutputFormat[],
  doc: PreparedDocument,
  run: RenderRun,
  produced: Map<string, Produced>,
  errors: Map<string, string>,
): FormatOutcome[] {
  const said = new Set<string>();
  return formats.map((format) => {
    const before = new Set(doc.file.messages);
    const made = produced.get(format.id);
    if (made) runPageRules(doc, format, made.findings ?? {}, run.rules);
    else {
      // The same error for several formats (the browser could not be reached again) is said once.
      const error = errors.get(format.id)!;
      if (!said.has(error)) fail(doc.file, `Rendering failed: ${error}`, { place: { line: 1, column: 1 }, ruleId: 'render' });
      said.add(error);
    }
    const messages = doc.file.messages.filter((m) => !before.has(m));
    return { format, produced: made, messages, failed: !made || messages.some((m) => m.fatal === true) };
  });
}

/** Errors that mean the browser process or its connection went away, not that the page was bad. */
export function browserGone(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error);
  return /Target closed|Session closed|Connection closed|browser has disconnected|Protocol error|detached|crashed|browser stopped/i.test(message);
}

/** One line: a diagnostic is printed as one (and as one GitHub annotation). */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
