import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { CONTAINER_DIRECTIVES, type Audience } from './directives.js';

/**
 * Pure: the tree as one audience sees it. `:::handout` shows only in the handout, `:::slide` only
 * on slides, `:::notes` only in speaker notes, `:::brochure` only in the brochure. Blocks for this audience are unwrapped; blocks for
 * the others are removed. The input tree is not changed.
 */
export function forAudience(tree: Root, audience: Audience): Root {
  return { ...tree, children: filterChildren(tree.children, audience) };
}

function filterChildren(children: readonly RootContent[], audience: Audience): RootContent[] {
  return children.flatMap((child): RootContent[] => {
    if (isAudienceBlock(child)) {
      return child.name === audience ? filterChildren(child.children as RootContent[], audience) : [];
    }
    if ('children' in child && Array.isArray(child.children)) {
      return [{ ...child, children: filterChildren(child.children as RootContent[], audience) } as RootContent];
    }
    return [child];
  });
}

export function isAudienceBlock(node: RootContent): node is ContainerDirective {
  return node.type === 'containerDirective' && (CONTAINER_DIRECTIVES as readonly string[]).includes(node.name);
}

/**
 * Pure: what the brochure shows. A document with `:::brochure` blocks gets just those (a summary
 * short enough for the panels); one without gets what the handout shows.
 */
export function brochureTree(tree: Root): Root {
  const blocks: RootContent[] = [];
  const collect = (children: readonly RootContent[]) => {
    for (const child of children) {
      if (isAudienceBlock(child) && child.name === 'brochure') blocks.push(...(child.children as RootContent[]));
      else if ('children' in child && Array.isArray(child.children)) collect(child.children as RootContent[]);
    }
  };
  collect(tree.children);
  return blocks.length ? { ...tree, children: blocks } : forAudience(tree, 'handout');
}
