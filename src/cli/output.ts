import type { DocumentReport } from '../report/types.js';
import { formatDiagnostic } from '../report/diagnostics.js';

export interface Output {
  /** Progress and results for people, on stderr; silent with --quiet. */
  info(message: string): void;
  /** Details shown with --verbose. */
  verbose(message: string): void;
  /** Problems: always shown, also with --quiet. */
  error(message: string): void;
  document(report: DocumentReport): void;
}

export function createOutput(options: { quiet?: boolean; verbose?: boolean }, stream: NodeJS.WritableStream = process.stderr): Output {
  const write = (line: string) => stream.write(`${line}\n`);
  // A problem in a partial belongs to every document that includes it: say it once.
  const said = new Set<string>();
  return {
    info: (message) => (options.quiet ? undefined : write(message)),
    verbose: (message) => (options.verbose && !options.quiet ? write(message) : undefined),
    error: write,
    document(report) {
      for (const diagnostic of report.diagnostics) {
        const line = formatDiagnostic(diagnostic);
        if (said.has(line) || (diagnostic.severity === 'warning' && options.quiet)) continue;
        said.add(line);
        write(line);
      }
      if (options.quiet) return;
      if (report.status === 'failed') write(`✗ ${report.source}: failed`);
      else if (report.status === 'skipped' && report.outputs.length) write(`· ${report.source}: up to date`);
      else if (report.status === 'built') {
        const files = report.outputs.map((o) => `${o.file.split('/').pop()}${o.pages ? ` (${o.pages})` : ''}`);
        write(`✓ ${report.source} -> ${files.join(', ')}`);
      }
    },
  };
}
