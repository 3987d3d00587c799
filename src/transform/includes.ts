import type { Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail } from '../core/diagnostics.js';
import { remember } from '../core/memo.js';
import { parseMarkdown } from '../parse/markdown.js';
import { checkSourceSize } from './limits.js';
import type { ResolveInclude } from '../core/lookups.js';

export type { IncludeLookup, ResolveInclude } from '../core/lookups.js';

/**
 * Pure: replaces every `::include{src="..."}` with the parsed content of the named partial,
 * recursively. Nodes that come from a partial are stamped with their file, so that later
 * diagnostics point into the partial. A missing file, one outside `content/`, or a cycle is a
 * located error on the file that holds the include.
 */
export function expandIncludes(tree: Root, file: VFile, resolve: ResolveInclude, self: string): void {
  expandIn(tree, file, resolve, [self]);
}

function expandIn(tree: Root, file: VFile, resolve: ResolveInclude, stack: string[]): void {
  const from = stack[stack.length - 1] as string;
  const inPartial = stack.length > 1 ? from : undefined;
  visit(tree, 'leafDirective', (node: LeafDirective, index, parent) => {
    if (node.name !== 'include' || !parent || index === undefined) return;
    const src = node.attributes?.src;
    const where = { place: node.position, in: inPartial };
    if (!src) {
      fail(file, 'Include needs a file: write `::include{src="_partials/name.md"}`', { ...where, ruleId: 'include-missing' });
      parent.children.splice(index, 1);
      return index;
    }
    const found = resolve(src, from);
    if (!found.ok) {
      const why =
        found.reason === 'outside'
          ? `Include \`${src}\` resolves outside the content folder; includes may only name files inside it`
          : `Included file not found: \`${src}\` (looked for \`${found.file}\`)`;
      fail(file, why, { ...where, ruleId: found.reason === 'outside' ? 'include-outside' : 'include-missing' });
      parent.children.splice(index, 1);
      return index;
    }
    if (stack.includes(found.file)) {
      const chain = [...stack.slice(stack.indexOf(found.file)), found.file].join(' -> ');
      fail(file, `Include cycle: ${chain}`, { ...where, ruleId: 'include-cycle' });
      parent.children.splice(index, 1);
      return index;
    }
    if (!checkSourceSize(found.text, file, { in: found.file })) {
      parent.children.splice(index, 1);
      return index;
    }
    const partial = parsePartial(found.text);
    // A partial's own front matter has no meaning inside another document.
    partial.children = partial.children.filter((child) => child.type !== 'yaml');
    visit(partial, (child) => {
      child.data = { ...child.data, file: found.file };
    });
    expandIn(partial, file, resolve, [...stack, found.file]);
    parent.children.splice(index, 1, ...(partial.children as RootContent[]));
    return index + partial.children.length;
  });
}

/**
 * A partial's tree, parsed once per text: a project's shared sections are included by most of its
 * documents, and copying a parsed tree costs a tenth of parsing it again. Each caller gets its own
 * copy (trees are changed further on). Bounded, so a long watch session's memory stays flat.
 */
const partials = new Map<string, Root>();

function parsePartial(text: string): Root {
  return structuredClone(remember(partials, text, 200, () => parseMarkdown(text)));
}
