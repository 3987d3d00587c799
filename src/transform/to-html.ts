import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * What raw HTML in content may keep: GitHub's safe subset plus the few inline elements patient
 * material uses. Scripts, event handlers, iframes, objects, forms and `javascript:` URLs are
 * removed by rehype-sanitize; images keep only the inline `data:` URLs the build put there.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'kbd', 'mark', 'small', 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    abbr: ['title'],
  },
  protocols: { ...defaultSchema.protocols, src: ['data'], href: ['http', 'https', 'mailto', 'tel'] },
};

const toHast = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema);
const stringify = unified().use(rehypeStringify);

/** Pure: an mdast tree (after includes and audience filtering) to safe HTML. */
export function markdownToHtml(tree: Root): string {
  const hast = toHast.runSync(structuredClone(tree)) as HastRoot;
  return stringify.stringify(hast);
}
