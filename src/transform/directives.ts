import type { Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail, nodeFile } from '../core/diagnostics.js';
import { toString as nodeText } from 'mdast-util-to-string';
import leven from 'leven';

/** The block directives the content format knows. `include` is expanded before this check. */
export const CONTAINER_DIRECTIVES = ['slide', 'handout', 'notes', 'brochure'] as const;
export const LEAF_DIRECTIVES = ['include'] as const;
export type Audience = (typeof CONTAINER_DIRECTIVES)[number];

/**
 * Pure: reports misspelt block directives (`:::slides`) as `directive-unknown` errors instead of
 * dropping their content, and turns inline "directives" back into the text they were: in prose a
 * colon before a word (`ratio 2:1`, `note:this`) is almost never meant as a directive.
 */
export function checkDirectives(tree: Root, file: VFile): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'textDirective' && parent && index !== undefined) {
      const directive = node as TextDirective;
      const label = directive.children.length ? `[${nodeText(directive)}]` : '';
      const text: Text = { type: 'text', value: `:${directive.name}${label}`, position: directive.position };
      parent.children.splice(index, 1, text);
      return index + 1;
    }
    if (node.type === 'containerDirective' || node.type === 'leafDirective') {
      const directive = node as ContainerDirective | LeafDirective;
      const known: readonly string[] = node.type === 'containerDirective' ? CONTAINER_DIRECTIVES : LEAF_DIRECTIVES;
      if (known.includes(directive.name)) return;
      const marker = node.type === 'containerDirective' ? ':::' : '::';
      const nearest = [...known].sort((a, b) => leven(a, directive.name) - leven(b, directive.name))[0];
      const hint = nearest && leven(nearest, directive.name) <= 2 ? `; did you mean \`${marker}${nearest}\`?` : '';
      fail(file, `Unknown directive \`${marker}${directive.name}\`${hint} (known: ${known.map((k) => marker + k).join(', ')})`, {
        place: directive.position,
        ruleId: 'directive-unknown',
        in: nodeFile(directive),
      });
    }
    return undefined;
  });
}
