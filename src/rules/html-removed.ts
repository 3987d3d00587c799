import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import { nodeFile, type Place } from '../core/diagnostics.js';
import { sanitizeSchema } from '../transform/to-html.js';
import type { SourceRule } from './rule.js';

/** The very sanitiser the HTML outputs go through, so this rule and the outputs never disagree. */
const sanitize = rehypeSanitize(sanitizeSchema);
const allowedTags = new Set(sanitizeSchema.tagNames ?? []);
const stripped = new Set(sanitizeSchema.strip ?? []);

/** Attributes (as hast names them) that point at, load or style something, or run code. */
const LOADS = new Set([
  ...['src', 'srcSet', 'href', 'xLinkHref', 'poster', 'style', 'background', 'data', 'action', 'formAction'],
  ...['cite', 'longDesc', 'ping', 'codeBase', 'archive', 'manifest', 'imageSrcSet', 'lowsrc', 'dynsrc'],
]);
const loads = (key: string) => LOADS.has(key) || /^on[a-z]/i.test(key);
const attributeName = (key: string) => ({ xLinkHref: 'xlink:href', className: 'class' })[key] ?? key.toLowerCase();

const MARKDOWN_IMAGE = 'use a Markdown image `![what it shows](picture.png)` with a file in the content folder';
/** Why an element goes, and what to do instead, by kind. */
const ELEMENTS: [RegExp, string, string][] = [
  [/^(script|noscript)$/, 'content may not run code', 'remove it'],
  [/^(style|link)$/, 'content may not style the page or load anything', 'use Markdown instead (the template styles the page)'],
  [/^(img|picture|source|video|audio|track|svg|image|canvas|map|area|math)$/, 'content may not load pictures or media, nor draw them in HTML', MARKDOWN_IMAGE],
  [
    /^(iframe|frame|frameset|object|embed|applet|portal|param)$/,
    'content may not embed or load other pages',
    'link to it instead: `[what it is](https://...)`',
  ],
  [/^(form|input|button|select|textarea|option|fieldset|label)$/, 'content may not hold forms', 'remove it'],
  [/^(meta|base|head|title)$/, 'content may not change how the page loads', 'remove it'],
];

function elementMessage({ tag, stripped, empty }: Removal): string {
  const [, why, todo] = ELEMENTS.find(([pattern]) => pattern.test(tag)) ?? [
    undefined,
    'it is not one of the HTML elements content may use',
    'use Markdown instead',
  ];
  const what = stripped ? 'is removed with its content' : empty ? 'is removed' : 'is removed (what it holds is kept)';
  return `Raw HTML \`<${tag}>\` ${what}: ${why}; ${todo}`;
}

function attributeMessage(tag: string, key: string): string {
  const what = `Raw HTML attribute \`${attributeName(key)}\` on \`<${tag}>\` is removed`;
  if (/^on/i.test(key)) return `${what}: content may not run code; remove it`;
  if (key === 'style') return `${what}: content may not style the page or load anything; use Markdown instead (the template styles the page)`;
  if (tag === 'img' && (key === 'src' || key === 'srcSet'))
    return `${what}: an image may only be inline data, never a file or URL the page would load; ${MARKDOWN_IMAGE}`;
  if (key === 'href' && tag === 'a') {
    const schemes = sanitizeSchema.protocols?.href ?? [];
    const allowed = `${schemes.slice(0, -1).join(', ')} or ${schemes.at(-1)}`;
    return `${what}: a link may only use ${allowed} (or point within the site); write it in Markdown: \`[text](https://...)\``;
  }
  return `${what}: content may not point at or load anything outside the document; use Markdown instead`;
}

/** `html-removed`: raw HTML the sanitiser removes from the outputs, said at the line instead of silently. */
export const htmlRemoved: SourceRule = {
  id: 'html-removed',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'raw HTML that is removed from the outputs (elements, and attributes that load, style or run anything)',
  check(doc, _context, { report }) {
    const found: { file: string | undefined; place: Place | undefined; reason: string }[] = [];
    // The raw HTML of one parent is read as one piece, as the outputs read it: `<svg>`, `<image
    // href>` and `</svg>` in a paragraph are three nodes but one picture. Per file: an include
    // puts a partial's nodes among the document's.
    visit(doc.tree, (parent) => {
      if (!('children' in parent)) return;
      const groups = new Map<string | undefined, Html[]>();
      for (const child of parent.children) {
        if (child.type === 'html') groups.set(nodeFile(child), [...(groups.get(nodeFile(child)) ?? []), child]);
      }
      for (const [file, nodes] of groups) {
        const lines = (doc.texts.get(file ?? doc.ref.source) ?? '').split('\n');
        const starts = nodes.map((_, i) => nodes.slice(0, i).reduce((sum, node) => sum + node.value.length + 1, 0));
        for (const removal of removals(nodes.map((node) => node.value).join(' '))) {
          const index = starts.findLastIndex((start) => start <= removal.offset);
          const place = placeOf(nodes[index]!, removal.offset - starts[index]!, removal.tag, lines);
          found.push({ file, place, reason: removal.key ? attributeMessage(removal.tag, removal.key) : elementMessage(removal) });
        }
      }
    });
    const order = (place?: Place) => (place ? place.line * 1e6 + place.column : 0);
    found.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || order(a.place) - order(b.place));
    for (const { file, place, reason } of found) report(reason, { place, in: file });
  },
};

interface Removal {
  /** The tag as written (`image`, which an HTML parser outside `<svg>` reads as `img`). */
  tag: string;
  /** Where its start tag begins in the HTML. */
  offset: number;
  stripped: boolean;
  empty: boolean;
  /** The removed attribute (as hast names it); absent when the element itself is removed. */
  key?: string;
}

/**
 * Pure: what the sanitiser removes from a piece of raw HTML. Every element it drops (inside one
 * already dropped, only those that would load something themselves: `<svg><image href>` but not
 * each `<path>`), and every attribute that loads, styles or runs anything it drops from an element
 * it keeps. Comments are not reported.
 */
function removals(html: string): Removal[] {
  const tree = fromHtml(html, { fragment: true });
  const kept = new Map<number, Element>();
  visit(sanitize(tree), 'element', (element: Element) => {
    const offset = element.position?.start.offset;
    if (offset !== undefined) kept.set(offset, element);
  });
  const found: Removal[] = [];
  const walk = (children: (HastRoot | Element)['children'], insideRemoved: boolean) => {
    for (const element of children) {
      if (element.type !== 'element') continue;
      // Elements the parser made up (a table's `<tbody>`) have no place and were not written.
      const offset = element.position?.start.offset;
      const safe = offset === undefined ? undefined : kept.get(offset);
      const removal = (key?: string): Removal => ({
        tag: /^<([^\s/>]+)/.exec(html.slice(offset))?.[1]?.toLowerCase() ?? element.tagName,
        offset: offset ?? 0,
        stripped: stripped.has(element.tagName),
        empty: !element.children.some((child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== '')),
        ...(key && { key }),
      });
      if (safe || offset === undefined) {
        for (const key of Object.keys(element.properties)) if (safe && !(key in safe.properties) && loads(key)) found.push(removal(key));
        walk(element.children, insideRemoved);
      } else if (allowedTags.has(element.tagName)) {
        // An allowed element out of its place (a `<td>` outside a table): in the page, the HTML parser decides.
        walk(element.children, insideRemoved);
      } else {
        if (!insideRemoved || Object.keys(element.properties).some(loads)) found.push(removal());
        walk(element.children, true);
      }
    }
  };
  walk(tree.children, false);
  return found;
}

/**
 * Where a start tag at `offset` in a raw HTML node was written: the node's start plus the
 * tag's place in its value. Lines after the first lose a container's indentation (`> `, a list
 * item's indent) in the value; when the source line does not hold the tag there, it is looked up.
 */
function placeOf(node: Html, offset: number, tag: string, lines: string[]): Place | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, offset).split('\n');
  const line = start.line + before.length - 1;
  let column = start.column + before.at(-1)!.length;
  const text = lines[line - 1]?.toLowerCase();
  if (text && !text.startsWith(`<${tag}`, column - 1) && text.includes(`<${tag}`)) column = text.indexOf(`<${tag}`) + 1;
  return { line, column };
}
