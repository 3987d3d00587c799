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
  return {
    info: (message) => (options.quiet ? undefined : write(message)),
    verbose: (message) => (options.verbose && !options.quiet ? write(message) : undefined),
    error: write,
    document(report) {
      for (const diagnostic of report.diagnostics) {
        if (diagnostic.severity === 'error' || !options.quiet) write(formatDiagnostic(diagnostic));
      }
      if (options.quiet) return;
      if (report.status === 'failed') write(`✗ ${report.source}: failed`);
      else if (report.status === 'built') {
        const files = report.outputs.map((o) => `${o.file.split('/').pop()}${o.pages ? ` (${o.pages})` : ''}`);
        write(`✓ ${report.source} -> ${files.join(', ')}`);
      }
    },
  };
}
