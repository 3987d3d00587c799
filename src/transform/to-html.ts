import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { safeDecodeUriComponent } from '../core/uri.js';

/** rehype-sanitize's prefix for ids and names, so content cannot clobber DOM globals. */
const PREFIX = 'user-content-';

/** ARIA attributes remark-gfm's footnotes put on their links; fine on any link. */
const LINK_ARIA = ['ariaDescribedBy', 'ariaLabel'];

/**
 * Everything raw HTML in content may keep, written out in full: no key falls back to
 * rehype-sanitize's default (GitHub's) schema, which would keep `<picture><source srcset>`,
 * `<details>` and more. An element not listed is removed and its text kept (`script` and
 * `style` go with their content); an attribute not listed on its element, nor under `*`, is
 * removed. Nothing kept can load a file or URL, style the page or run code: no `style`
 * attribute, no `srcset`, no `svg`, `picture`, `video`, `audio`, `link`, `iframe`, `object`,
 * `form`. Images keep only the inline `data:` URLs the build put there. The `html-removed` rule
 * reads this same object to tell the author, at the line, what was removed.
 */
export const sanitizeSchema: SanitizeSchema = {
  tagNames: [
    // Text blocks and headings.
    ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'br', 'div', 'figure', 'figcaption'],
    // Lists (GFM task lists add a disabled checkbox).
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'input'],
    // Tables.
    ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    // Inline text.
    ...['a', 'em', 'strong', 'b', 'i', 'code', 'kbd', 'abbr', 'mark', 'small', 'sub', 'sup', 'del', 's', 'ins', 'q', 'span'],
    ...['ruby', 'rt', 'rp'],
    // Pictures: the build's inline images only.
    'img',
    // GFM footnotes: `<section data-footnotes class="footnotes">`.
    'section',
  ],
  attributes: {
    // `id` is prefixed (see `clobber`); `lang` and `dir` for text in another language.
    '*': ['id', 'lang', 'dir'],
    // Footnote references and back-references are links with these data, ARIA and class values.
    a: ['href', 'title', 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref'], ...LINK_ARIA],
    abbr: ['title'],
    // The only source an image may have is an inline `data:` image.
    img: [['src', /^data:image\//i], 'alt', 'title', 'width', 'height'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ul: [['className', 'contains-task-list']],
    ol: [['className', 'contains-task-list'], 'start', 'reversed'],
    li: [['className', 'task-list-item']],
    th: [['align', 'left', 'center', 'right'], 'colSpan', 'rowSpan', 'scope'],
    td: [['align', 'left', 'center', 'right'], 'colSpan', 'rowSpan'],
    code: [['className', /^language-./]],
    section: ['dataFootnotes', ['className', 'footnotes']],
    h2: [['className', 'sr-only']],
  },
  // The only URL attributes kept; a value with no scheme (`#notes`, `other.html`) is a link within the site.
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['data'],
  },
  // Table parts outside a table could break out of their context when re-parsed.
  ancestors: { thead: ['table'], tbody: ['table'], tfoot: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
  // Task-list checkboxes can never become a form field.
  required: { input: { type: 'checkbox', disabled: true } },
  clobber: ['id', 'ariaDescribedBy'],
  clobberPrefix: PREFIX,
  // Dropped with their content: a script's code or a style sheet's rules are never shown as text.
  strip: ['script', 'style'],
  allowComments: false,
  allowDoctypes: false,
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
      // A malformed escape (`#%E0%A4%A`) is reported by `link-broken`; such a link is left as written.
      const target = safeDecodeUriComponent(href.slice(1));
      if (target === undefined) return;
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
