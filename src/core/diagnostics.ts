import type { Node } from 'unist';
import type { VFile } from 'vfile';

export interface Place {
  line: number;
  column: number;
}

export interface MessageOptions {
  place?: Place | Node['position'];
  ruleId: string;
  /** The project-relative file the problem is in, when it is not `file` itself (an included partial). */
  in?: string;
}

/** Records an error on the document: it fails, later stages are skipped, other documents go on. */
export function fail(file: VFile, reason: string, options: MessageOptions): void {
  const message = file.message(reason, { place: options.place, ruleId: options.ruleId, source: 'handouts' });
  message.fatal = true;
  if (options.in) message.file = options.in;
}

/** Records a warning: printed and reported, the document is still built. */
export function warn(file: VFile, reason: string, options: MessageOptions): void {
  const message = file.message(reason, { place: options.place, ruleId: options.ruleId, source: 'handouts' });
  message.fatal = false;
  if (options.in) message.file = options.in;
}

/** Where a node was written: its own file when it came from a partial, else the document. */
export function nodeFile(node: Node): string | undefined {
  return node.data?.file;
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}
