import type { Diagnostic } from './types.js';

/**
 * One diagnostic as a GitHub Actions workflow command, which the runner turns into an annotation
 * on that line of the pull request: `::error file=content/x.md,line=12,col=3,title=rule-id::message`.
 * The runner reads these from stdout or stderr; the file is relative to the repository's root.
 */
export function formatGithub(d: Diagnostic): string {
  const properties: [string, string | number][] = [
    ['file', d.file],
    ['line', d.line],
    ['col', d.column],
    ['title', d.rule],
  ];
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${d.severity} ${props}::${escapeData(d.message)}`;
}

// The escaping is written here by hand, as @actions/core's `command.ts` does it (escapeData and
// escapeProperty), because no small maintained npm package provides just these two functions and
// @actions/core itself brings an HTTP client and more for two string replacements. `%` goes first
// so that the escapes added after it are not escaped again.

/** A command's message: `%`, CR and LF, which would end the command or be read as an escape. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property's value: also `:` (which ends the properties) and `,` (which separates them). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
