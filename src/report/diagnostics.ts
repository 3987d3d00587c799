import type { VFile } from 'vfile';
import type { Diagnostic } from './types.js';

/**
 * The VFile messages of a document as report entries; partial files keep their own path. A
 * message a format's rendering or page rules gave names that format (`formatOf`).
 */
export function diagnosticsOf(file: VFile, messages = file.messages, formatOf?: ReadonlyMap<unknown, string>): Diagnostic[] {
  return messages.map((message) => {
    const format = formatOf?.get(message);
    return {
      file: message.file || file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
      severity: message.fatal ? 'error' : 'warning',
      rule: message.ruleId ?? 'handouts',
      message: message.reason,
      ...(format && { format }),
      ...(message.expected?.length && { suggestions: [...message.expected] }),
    };
  });
}

/**
 * `content/x.md:12:3 error Image file not found: img/mri.png  image-missing`, one line each: the
 * contract's format, which editors and CI problem matchers read. vfile-reporter groups messages
 * under a file heading instead, so this one line is written here.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}  ${d.rule}`;
}
