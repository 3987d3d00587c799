import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import leven from 'leven';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail, nodeFile, warn } from '../core/diagnostics.js';

const RULE = 'slide-layout';

/**
 * Pure: checks `:::slide{layout=...}`, which lays out the slide of the `##` section it is in.
 * A layout the theme does not offer (`layouts`: its `layout-<name>` classes) is a located error
 * listing the ones it does; `layout` is the only attribute `:::slide` takes, so any other is a
 * warning, as is a layout that can lay out nothing (before the first section, inside another
 * block) or a second, different one in the same section (the first is used).
 */
export function checkSlideLayouts(tree: Root, file: VFile, layouts: readonly string[]): void {
  /** The layout of the section being read, once one is set, and where. */
  let section: { layout?: string; at?: string } | undefined;
  const inSection = new Map<ContainerDirective, typeof section>();
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) section = {};
    else if (node.type === 'containerDirective' && node.name === 'slide') inSection.set(node, section);
  }

  visit(tree, 'containerDirective', (node: ContainerDirective) => {
    if (node.name !== 'slide') return;
    const where = { place: node.position, ruleId: RULE, in: nodeFile(node) };
    const attributes = node.attributes ?? {};
    for (const key of Object.keys(attributes).filter((key) => key !== 'layout')) {
      warn(file, `\`:::slide\` takes only \`layout\`; \`${key}\` was ignored`, where);
    }
    const layout = attributes.layout;
    if (layout === undefined || layout === null) return;
    if (!layouts.includes(layout)) {
      fail(file, unknownLayout(layout, layouts), where);
      return;
    }
    if (!inSection.has(node)) {
      warn(file, `Layout \`${layout}\` is set only by a \`:::slide\` block at the top level of a \`##\` section; this one was ignored`, where);
      return;
    }
    const current = inSection.get(node);
    if (!current) {
      warn(
        file,
        `Layout \`${layout}\` before the first \`##\` section has no slide to lay out (the title slide is made from the front matter); it was ignored`,
        where,
      );
      return;
    }
    if (current.layout === undefined) {
      const line = node.position?.start.line;
      Object.assign(current, { layout, at: line === undefined ? undefined : where.in ? `${where.in}:${line}` : `line ${line}` });
    } else if (current.layout !== layout) {
      warn(file, `This section's slide already has layout \`${current.layout}\`${current.at ? ` (${current.at})` : ''}; \`${layout}\` was ignored`, where);
    }
  });
}

function unknownLayout(layout: string, layouts: readonly string[]): string {
  const known = layouts.length ? `known: ${layouts.join(', ')}` : 'the theme offers none';
  if (!layout) return `\`layout\` needs the name of a slide layout (${known})`;
  const nearest = [...layouts].sort((a, b) => leven(a, layout) - leven(b, layout))[0];
  const hint = nearest && leven(nearest, layout) <= Math.max(2, Math.floor(layout.length / 3)) ? `; did you mean \`${nearest}\`?` : '';
  return `Unknown slide layout \`${layout}\`${hint} (${known}; a theme adds one with \`section.layout-<name>\` rules)`;
}
