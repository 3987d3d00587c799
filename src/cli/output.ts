import type { DocumentReport } from '../report/types.js';
import { formatDiagnostic } from '../report/diagnostics.js';
import { formatGithub } from '../report/github.js';

/** How diagnostics are printed: `human` lines, or `github` workflow commands (annotations in Actions). */
export type Reporter = 'human' | 'github';

export interface Output {
  /** Progress and results for people, on stderr; silent with --quiet. */
  info(message: string): void;
  /** Details shown with --verbose. */
  verbose(message: string): void;
  /** Problems: always shown, also with --quiet. */
  error(message: string): void;
  /** How many documents the run will report on. */
  plan(total: number): void;
  document(report: DocumentReport): void;
  /** Clears a progress line before the summary. */
  done(): void;
}

/**
 * Human output on stderr. On a terminal, one progress line (`12/50 documents`) is redrawn in
 * place and only documents with something to say get their own lines; elsewhere (CI logs) every
 * document gets one plain line with its count. With the `github` reporter each diagnostic is a
 * workflow command instead of its human line, on the same stream (stdout stays for `--json`), and
 * the progress line is never redrawn, so every command starts a line of its own.
 */
export function createOutput(
  options: { quiet?: boolean; verbose?: boolean; reporter?: Reporter },
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Output {
  const format = options.reporter === 'github' ? formatGithub : formatDiagnostic;
  const tty = Boolean(stream.isTTY) && !options.quiet && options.reporter !== 'github';
  let progress = '';
  let total = 0;
  let finished = 0;
  const write = (line: string) => {
    if (progress) stream.write('\r\x1b[2K');
    stream.write(`${line}\n`);
    if (progress) stream.write(progress);
  };
  // A problem in a partial belongs to every document that includes it: say it once.
  const said = new Set<string>();
  const output: Output = {
    info: (message) => (options.quiet ? undefined : write(message)),
    verbose: (message) => (options.verbose && !options.quiet ? write(message) : undefined),
    error: write,
    plan(count) {
      total = count;
    },
    document(report) {
      finished++;
      for (const diagnostic of report.diagnostics) {
        const line = format(diagnostic);
        if (said.has(line) || (diagnostic.severity === 'warning' && options.quiet)) continue;
        said.add(line);
        write(line);
      }
      if (options.quiet) return;
      const count = total ? `[${finished}/${total}] ` : '';
      // Paths inside the document's folder: `handout.pdf`, `slides/001.png` (and how many more).
      const inFolder = (file: string) => file.slice(file.indexOf(`/${report.slug}/`) + report.slug.length + 2);
      const files = () =>
        report.outputs.map((o) => `${inFolder(o.file)}${o.files && o.files.length > 1 ? ` +${o.files.length - 1}` : ''}${o.pages ? ` (${o.pages})` : ''}`);
      if (report.failures?.length) {
        const failed = report.failures.map((f) => `${f.format}${f.kept ? ' (previous file kept)' : ''}`).join(', ');
        write(`${count}✗ ${report.source}: ${failed} failed${report.outputs.length ? `; the others are current: ${files().join(', ')}` : ''}`);
      } else if (report.status === 'failed') write(`${count}✗ ${report.source}: failed`);
      else if (!tty && report.status === 'skipped' && report.outputs.length) write(`${count}· ${report.source}: up to date`);
      else if (!tty && report.status === 'built') write(`${count}✓ ${report.source} -> ${files().join(', ')}`);
      if (tty && total) {
        progress = `${finished}/${total} documents`;
        stream.write(`\r\x1b[2K${progress}`);
      }
    },
    done() {
      if (progress) stream.write('\r\x1b[2K');
      progress = '';
    },
  };
  return output;
}
