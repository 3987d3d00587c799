import type { Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { fail, nodeFile } from '../core/diagnostics.js';
import { LIMITS } from '../core/limits.js';

export { LIMITS };

/** Pure: a too-large source is an error before it is parsed. */
export function checkSourceSize(text: string, file: VFile, where?: { in?: string; place?: { line: number; column: number } }): boolean {
  if (text.length <= LIMITS.sourceChars) return true;
  fail(
    file,
    `File is ${(text.length / 1e6).toFixed(1)} million characters; the limit is ${LIMITS.sourceChars / 1e6} million: split it into smaller documents`,
    {
      place: where?.place ?? { line: 1, column: 1 },
      ruleId: 'too-large',
      in: where?.in,
    },
  );
  return false;
}

/** Pure: lists or quotes nested deeper than the limit are an error at the first one too deep. */
export function checkNesting(tree: Root, file: VFile): void {
  visitParents(tree, (node, ancestors) => {
    if (node.type !== 'list' && node.type !== 'blockquote') return;
    const depth = ancestors.filter((a) => a.type === 'list' || a.type === 'blockquote').length + 1;
    if (depth <= LIMITS.nesting) return;
    fail(file, `Lists or quotes are nested ${depth} deep here; the limit is ${LIMITS.nesting}`, {
      place: node.position,
      ruleId: 'too-deep',
      in: nodeFile(node),
    });
    return false;
  });
}
