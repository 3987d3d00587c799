import { toString as nodeText } from 'mdast-util-to-string';
import type { Position } from 'unist';
import type { PreparedDocument } from '../../transform/prepared.js';
import type { RenderContext } from '../context.js';
import type { Strings, TemplateSet } from '../../templates/brand.js';
import { cssString } from '../../templates/liquid.js';
import { brandFor } from '../../templates/strings.js';
import { presentPage, printPage } from './pages.js';
import { renderMarp, type RenderedDeck } from './marp.js';
import { deckMarkdown } from './markdown.js';
import { planDeck } from './split.js';
import { SLIDE_THEME } from '../template-files.js';
import { textDirection } from '../page-data.js';

export interface Deck {
  /** `slides.html`: to present from. */
  presentHtml: string;
  /** The page printed to `slides.pdf`. */
  printHtml: string;
  slideCount: number;
  notes: string[];
  /** Each slide's title and where its content is written, for located messages. */
  slides: SlideSource[];
  /** Marp's output: each slide's HTML and the theme's CSS, for pages that show slides another way. */
  rendered: RenderedDeck;
  /** The writing direction of the deck's language. */
  dir: 'ltr' | 'rtl';
}

export interface SlideSource {
  title: string;
  place?: Position;
  /** The partial it is written in, when not the document itself. */
  file?: string;
}

/** The deck of a document, made once for every slide format. */
export function deckOf(context: RenderContext): Deck {
  return context.memo('slides:deck', () => buildDeck(context.doc, context.tools.templates, context.strings));
}

/** Pure: where slides are made. Source tree -> plan -> Marp Markdown -> Marp HTML -> pages. */
export function buildDeck(doc: PreparedDocument, templates: TemplateSet, t: Strings): Deck {
  const plan = planDeck(doc.tree);
  const source = deckMarkdown(doc, plan, brandFor(templates, t), t, templates.logo);
  const deck = renderMarp(source.markdown, brandVariables(templates) + templates.text(SLIDE_THEME));
  const dir = textDirection(doc.lang);
  const input = {
    lang: doc.lang,
    dir,
    fonts: templates.fontsFor(doc.lang),
    title: doc.meta.title,
    deck,
    notes: source.notes,
    templates,
    notesLabel: t.notes_label,
    presenting: t,
  };
  const slides: SlideSource[] = [
    { title: doc.meta.title, place: toPosition(doc.metaPlaces.title) },
    ...plan.slides.map((slide) => ({ title: nodeText(slide.heading), place: slide.heading.position, file: slide.heading.data?.file })),
    { title: t.slide_sources, place: toPosition(doc.metaPlaces.sources ?? doc.metaPlaces.title) },
  ];
  return { presentHtml: presentPage(input), printHtml: printPage(input), slideCount: deck.slideCount, notes: source.notes, slides, rendered: deck, dir };
}

function toPosition(place: { line: number; column: number } | undefined): Position | undefined {
  return place && { start: { ...place }, end: { ...place } };
}

/** The brand as custom properties on every slide, read by the theme. */
function brandVariables({ brand }: TemplateSet): string {
  const c = brand.colors;
  return `section {
  --brand-primary: ${c.primary}; --brand-accent: ${c.accent}; --brand-text: ${c.text};
  --brand-muted: ${c.muted}; --brand-surface: ${c.surface}; --brand-notice: ${c.notice};
  --brand-notice-border: ${c.notice_border}; --brand-font: ${cssString(brand.font.family)};
}
`;
}
