import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Audience } from './directives.js';

/**
 * Pure: the tree as one audience sees it. `:::handout` shows only in the handout, `:::slide` only
 * on slides, `:::notes` only in speaker notes. Blocks for this audience are unwrapped; blocks for
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
  return node.type === 'containerDirective' && ['slide', 'handout', 'notes'].includes(node.name);
}
