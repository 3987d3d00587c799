import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';

/** rehype-sanitize's prefix for ids and names, so content cannot clobber DOM globals. */
const PREFIX = 'user-content-';

/**
 * What raw HTML in content may keep: GitHub's safe subset plus the few inline elements patient
 * material uses. Scripts, event handlers, iframes, objects, forms and `javascript:` URLs are
 * removed by rehype-sanitize; images keep only the inline `data:` URLs the build put there.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: PREFIX,
  // Dropped with their content: a script's code or a style sheet's rules are never shown as text.
  strip: ['script', 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'kbd', 'mark', 'small', 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    abbr: ['title'],
  },
  protocols: { ...defaultSchema.protocols, src: ['data'], href: ['http', 'https', 'mailto', 'tel'] },
};

/**
 * In-page links (`#fn-1`, `#my-anchor`) point at ids that sanitising prefixed; point them at the
 * prefixed id so footnotes and anchors written in content keep working.
 */
function relinkPrefixedIds() {
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (typeof href !== 'string' || !href.startsWith('#')) return;
      const target = decodeURIComponent(href.slice(1));
      if (!ids.has(target) && ids.has(PREFIX + target)) node.properties.href = `#${PREFIX}${target}`;
    });
  };
}

const pipeline = (raw: boolean) => {
  const processor = unified().use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' });
  if (raw) processor.use(rehypeRaw);
  return (
    processor
      .use(rehypeSanitize, sanitizeSchema)
      // Heading ids are made after sanitising: they come from the tool, not from content.
      .use(rehypeSlug)
      .use(relinkPrefixedIds)
  );
};
// Re-parsing with parse5 (rehype-raw) is the costly step; trees without raw HTML skip it.
const withRaw = pipeline(true);
const withoutRaw = pipeline(false);
const stringify = unified().use(rehypeStringify);

/** Pure: an mdast tree (after includes and audience filtering) to safe HTML. */
export function markdownToHtml(tree: Root): string {
  let raw = false;
  visit(tree, 'html', () => {
    raw = true;
    return EXIT;
  });
  const hast = (raw ? withRaw : withoutRaw).runSync(structuredClone(tree)) as HastRoot;
  return stringify.stringify(hast);
}
