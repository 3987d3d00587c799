import type { Blockquote, Heading, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as toYaml } from 'yaml';
import { normaliseSource } from '../handout/page.js';
import type { PreparedDocument } from '../../transform/document.js';
import type { Brand, Strings } from '../../templates/brand.js';
import { formatDate } from '../../templates/strings.js';
import { markdownToHtml } from '../../transform/to-html.js';
import type { DeckPlan } from './split.js';

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
 * section, and a closing slide with the sources, disclaimer and contact.
 */
export function deckMarkdown(doc: PreparedDocument, plan: DeckPlan, brand: Brand, t: Strings): DeckSource {
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

  const sections = plan.slides.map((slide) => [{ ...slide.heading, depth: 2 } as Heading, ...slide.body]);

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

  const slides = [
    slide({ ...plan.introDirectives, _class: 'title', _paginate: 'skip', _footer: '' }, title),
    ...plan.slides.map((plan, i) => slide(plan.directives, sections[i]!)),
    slide({ _class: 'closing' }, closing),
  ];
  const front = toYaml({ marp: true, theme: 'clinic', paginate: true, lang: doc.lang, footer: inline(brand.clinic) });
  const notes = [plan.introNotes, ...plan.slides.map((slide) => slide.notes), []].map((nodes) =>
    nodes.length ? markdownToHtml({ type: 'root', children: nodes }) : '',
  );
  return { markdown: `---\n${front}---\n\n${slides.join('\n---\n\n')}`, notes };
}

/** One slide: its directives as comments, then its content as sanitised HTML. */
function slide(directives: Record<string, string | boolean>, children: RootContent[]): string {
  // JSON is YAML Marp reads as written; no `>` is left to close the comment early.
  const comments = Object.entries(directives).map(([key, value]) => `<!-- ${key}: ${JSON.stringify(directiveValue(key, value)).replaceAll('>', '\\u003e')} -->`);
  // A blank line would end Marp's HTML block early; a character reference keeps the same text.
  const html = markdownToHtml({ type: 'root', children } as Root).replace(/\n(?=\n)/g, '&#10;');
  return [...comments, html].join('\n\n') + '\n';
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
