import type { Blockquote, Heading, List, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as toYaml } from 'yaml';
import { normaliseSource } from '../page-data.js';
import type { PreparedDocument } from '../../transform/prepared.js';
import type { Brand, Strings } from '../../templates/brand.js';
import { formatDate } from '../../templates/strings.js';
import { markdownToHtml } from '../../transform/to-html.js';
import { isImageOnly, isTextParagraph, type DeckPlan, type SlidePlan } from './split.js';

export interface DeckSource {
  /** Marp Markdown, one slide per `---`. */
  markdown: string;
  /** Speaker notes per slide, as safe HTML (empty string when a slide has none). */
  notes: string[];
}

const toMarkdown = unified().use(remarkStringify, { bullet: '-', rule: '-' }).use(remarkGfm);

/**
 * Pure: the Marp Markdown of a deck from a plan. Every slide's content reaches Marp as HTML made
 * by the handout's own pipeline and sanitiser (`markdownToHtml`), so raw HTML in content is cut
 * to the same safe subset on slides as in the handout, wherever it sits; the only Markdown Marp
 * reads is the tool's own front matter and directive comments (content's directives only after
 * the checks in transform/slide-directives.ts). Title slide from the front matter, one slide per
 * section (laid out as its `:::slide{layout=...}` says), and a closing slide with the sources,
 * disclaimer and contact. The title slide carries the clinic's logo (`logo`: the `data:` URL of
 * `TemplateSet.logo`) above the title.
 */
export function deckMarkdown(doc: PreparedDocument, plan: DeckPlan, brand: Brand, t: Strings, logo?: string): DeckSource {
  const { meta } = doc;
  const text = (value: string) => ({ type: 'text' as const, value });
  const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
  const title: RootContent[] = [{ type: 'heading', depth: 1, children: [text(meta.title)] } satisfies Heading];
  if (meta.summary) title.push(paragraph(text(meta.summary)));
  if (meta.status === 'experimental' || meta.status === 'draft') {
    const label = meta.status === 'experimental' ? t.experimental_title : t.draft_title;
    title.push({ type: 'blockquote', children: [paragraph(text(label))] } satisfies Blockquote);
  }
  title.push(paragraph(text(`${brand.clinic} · ${t.reviewed}: ${formatDate(meta.reviewed, doc.lang)}`)));

  // An image node, so the sanitiser checks it is an inline `data:` image and escapes its alt text.
  const logoHtml = logo ? wrap('div', 'logo', toHtml([paragraph({ type: 'image', url: logo, alt: brand.logo_alt })])) : '';

  const sources = (meta.sources ?? []).map(normaliseSource);
  const closing: RootContent[] = [{ type: 'heading', depth: 2, children: [text(t.slide_sources)] }];
  if (sources.length) {
    closing.push({
      type: 'list',
      ordered: true,
      spread: false,
      children: sources.map((source) => ({
        type: 'listItem',
        spread: false,
        children: [
          paragraph(
            text(`${source.title}${source.publisher ? `. ${source.publisher}` : ''}${source.year ? ` (${source.year})` : ''}. `),
            ...(source.url ? [{ type: 'link', url: source.url, children: [text(source.url)] } as PhrasingContent] : []),
          ),
        ],
      })),
    } satisfies List);
  }
  closing.push({
    type: 'blockquote',
    children: [paragraph(text(t.disclaimer)), ...(brand.contact ? [paragraph(text(brand.contact))] : [])],
  });

  // A layout's class joins the class the slide would have had: its own, or one a `class` directive
  // on an earlier slide set (Marp carries `class` forward to the slides after it).
  let carried = classOf(plan.introDirectives.class);
  const sections = plan.slides.map((section) => {
    carried = classOf(section.directives.class) ?? carried;
    const layout = section.layout && LAYOUT_NAME.test(section.layout) ? section.layout : undefined;
    const own = classOf(section.directives._class) ?? carried;
    const directives = layout ? { ...section.directives, _class: [own, `layout-${layout}`].filter(Boolean).join(' ') } : section.directives;
    return slide(directives, sectionHtml(section, layout));
  });

  const slides = [
    slide({ ...plan.introDirectives, _class: 'title', _paginate: false, _footer: '' }, joined(logoHtml, toHtml(title))),
    ...sections,
    slide({ _class: 'closing' }, toHtml(closing)),
  ];
  const front = toYaml({ marp: true, theme: 'clinic', paginate: true, lang: doc.lang, footer: inline(brand.clinic) });
  const notes = [plan.introNotes, ...plan.slides.map((slide) => slide.notes), []].map((nodes) =>
    nodes.length ? markdownToHtml({ type: 'root', children: nodes }) : '',
  );
  return { markdown: `---\n${front}---\n\n${slides.join('\n---\n\n')}`, notes };
}

/** One slide: its directives as comments, then its content: sanitised HTML in the deck's own wrappers. */
function slide(directives: Record<string, string | boolean>, content: string): string {
  // JSON is YAML Marp reads as written; no `>` is left to close the comment early.
  const comments = Object.entries(directives).map(
    ([key, value]) => `<!-- ${key}: ${JSON.stringify(directiveValue(key, value)).replaceAll('>', '\\u003e')} -->`,
  );
  // A blank line would end Marp's HTML block early; a character reference keeps the same text.
  const html = content.replace(/\n(?=\n)/g, '&#10;');
  return `${[...comments, html].join('\n\n')}\n`;
}

/** Content as safe HTML: the handout's own pipeline and sanitiser. */
function toHtml(children: RootContent[]): string {
  return children.length ? markdownToHtml({ type: 'root', children } as Root) : '';
}

function classOf(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A layout name fit for a class (transform has checked the theme offers it). */
const LAYOUT_NAME = /^[A-Za-z][\w-]*$/;

/** Opening and closing tags the deck writes around sanitised parts: fixed names, never content. */
const wrap = (tag: string, className: string, inner: string) => (inner ? `<${tag} class="${className}">\n${inner}\n</${tag}>` : '');
const joined = (...parts: string[]) => parts.filter(Boolean).join('\n');

/**
 * A section's slide: its heading, then what it shows, placed in the parts its layout's CSS lays
 * out (`section.layout-<name> ...` in the theme). Link and footnote definitions are not placed:
 * each part gets them, so a reference resolves in whichever part it lands. A layout that finds
 * nothing to place (no picture for `image-left`, no quote for `quote`) shows the content as is.
 */
function sectionHtml(section: SlidePlan, layout: string | undefined): string {
  const heading = toHtml([{ ...section.heading, depth: 2 } as Heading]);
  const definitions = section.body.filter(isDefinition);
  const part = (nodes: RootContent[]) => toHtml(nodes.length ? [...nodes, ...definitions] : []);
  const blocks = section.body.filter((node) => !isDefinition(node));
  const without = (node: RootContent) => blocks.filter((other) => other !== node);

  if (layout === 'two-column') {
    // Left: what comes before the section's first `---`; with none, the first half of its blocks.
    const placed = section.body.filter((node) => !isDefinition(node) && node.type !== 'thematicBreak');
    const left =
      section.columnBreak === undefined
        ? placed.slice(0, Math.ceil(placed.length / 2))
        : section.body.slice(0, section.columnBreak).filter((node) => placed.includes(node));
    const right = placed.filter((node) => !left.includes(node));
    return joined(heading, wrap('div', 'columns', joined(wrap('div', 'column', part(left)), wrap('div', 'column', part(right)))));
  }
  if (layout === 'image-left' || layout === 'image-right') {
    const picture = blocks.find(isImageOnly);
    if (!picture) return joined(heading, part(blocks));
    const media = wrap('div', 'media', part([picture]));
    const text = wrap('div', 'text', part(without(picture)));
    // In the order they are seen, so reading order and PDF tags follow the slide.
    return joined(heading, wrap('div', 'split', layout === 'image-left' ? joined(media, text) : joined(text, media)));
  }
  if (layout === 'big-number') {
    const first = blocks.find(isTextParagraph);
    if (!first) return joined(heading, part(blocks));
    const { figure, caption } = splitFigure(first);
    let rest = without(first);
    // With no words beside the figure, the paragraph right after it is its caption.
    const next = blocks[blocks.indexOf(first) + 1];
    const captionNodes: RootContent[] = caption ? [caption] : next && isTextParagraph(next) ? [next] : [];
    rest = rest.filter((node) => !captionNodes.includes(node));
    return joined(heading, wrap('div', 'big-number', joined(wrap('div', 'figure', part([figure])), wrap('div', 'caption', part(captionNodes)))), part(rest));
  }
  if (layout === 'quote') {
    const first = blocks.find((node): node is Blockquote => node.type === 'blockquote');
    if (!first) return joined(heading, part(blocks));
    const { quote, attribution } = splitAttribution(first);
    return joined(
      heading,
      wrap('figure', 'quote', joined(part([quote]), attribution ? `<figcaption>\n${part([attribution])}\n</figcaption>` : '')),
      part(without(first)),
    );
  }
  return joined(heading, part(section.body));
}

function isDefinition(node: RootContent): boolean {
  return node.type === 'definition' || node.type === 'footnoteDefinition';
}

/** Before a caption: the dash, colon or comma that joined it to the figure. */
const LEADING = /^[\s:,;–—-]+/;

/** `**72%** of people improve`: the first bold text is the figure, the rest of the paragraph its caption. */
function splitFigure(paragraph: Paragraph): { figure: Paragraph; caption?: Paragraph } {
  const strong = paragraph.children.find((child) => child.type === 'strong');
  if (!strong) return { figure: paragraph };
  const rest = paragraph.children.filter((child) => child !== strong);
  const children = rest
    .map((child, i) => {
      if (child.type !== 'text') return child;
      let value = i === 0 ? child.value.replace(LEADING, '') : child.value;
      if (i === rest.length - 1) value = value.trimEnd();
      return { ...child, value };
    })
    .filter((child) => child.type !== 'text' || child.value !== '');
  const caption = children.length ? { ...paragraph, children } : undefined;
  return { figure: { type: 'paragraph', children: strong.children }, caption };
}

/** A line starting with a dash: `— Name`, `-- Name`. */
const DASHED = /^[ \t]*(?:—|–|--?|~)[ \t]*\S/;

/**
 * The attribution of a quote: its last paragraph when that starts with a dash (`> — Name`), or the
 * last line of its last paragraph when that does (`> Words.` then `> — Name`).
 */
function splitAttribution(quote: Blockquote): { quote: Blockquote; attribution?: Paragraph } {
  const last = quote.children.at(-1);
  if (last?.type !== 'paragraph') return { quote };
  const first = last.children[0];
  if (quote.children.length > 1 && first?.type === 'text' && DASHED.test(first.value)) {
    return { quote: { ...quote, children: quote.children.slice(0, -1) }, attribution: last };
  }
  // The last line start (after a line ending or a hard break) from which the paragraph reads as a dash.
  let at: { child: number; offset: number } | undefined;
  last.children.forEach((child, i) => {
    if (child.type !== 'text') return;
    if (i > 0 && last.children[i - 1]!.type === 'break' && DASHED.test(child.value)) at = { child: i, offset: 0 };
    for (const match of child.value.matchAll(/\n/g)) {
      if (DASHED.test(child.value.slice(match.index + 1))) at = { child: i, offset: match.index + 1 };
    }
  });
  if (!at) return { quote };
  const split = last.children[at.child] as Text;
  const before = [...last.children.slice(0, at.child), { ...split, value: split.value.slice(0, at.offset).trimEnd() }].filter(
    (child, i, all) => !(child.type === 'text' && child.value === '') && !(child.type === 'break' && i === all.length - 1),
  );
  const after = [{ ...split, value: split.value.slice(at.offset).trimStart() }, ...last.children.slice(at.child + 1)];
  if (!before.some((child) => child.type !== 'text' || child.value.trim())) return { quote };
  return {
    quote: { ...quote, children: [...quote.children.slice(0, -1), { ...last, children: before }] },
    attribution: { type: 'paragraph', children: after },
  };
}

/** Header and footer text is read by Marp as Markdown: made inline-safe, so it stays text. */
function directiveValue(key: string, value: string | boolean): string | boolean {
  if (typeof value !== 'string' || !/^_?(header|footer)$/.test(key) || value === '') return value;
  return inline(value);
}

function stringify(children: RootContent[]): string {
  return toMarkdown.stringify({ type: 'root', children } as Root);
}

/** Text made safe to use as an inline Markdown value (Marp parses the footer as Markdown). */
function inline(value: string): string {
  return stringify([{ type: 'paragraph', children: [{ type: 'text', value }] }]).trim();
}
