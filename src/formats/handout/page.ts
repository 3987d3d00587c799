import type { Liquid } from 'liquidjs';
import type { RenderContext } from '../context.js';
import type { Source } from '../../parse/schema.js';
import type { PreparedDocument } from '../../transform/document.js';
import type { Strings, TemplateSet } from '../../templates/brand.js';
import { ASSET_ORIGIN } from '../../templates/fonts.js';
import { cssString, renderTemplate } from '../../templates/liquid.js';
import { contentSecurityPolicy } from '../../templates/csp.js';
import { brandFor, formatDate, stringsFor } from '../../templates/strings.js';
import { forAudience } from '../../transform/audience.js';
import { markdownToHtml } from '../../transform/to-html.js';
import { margins, pageSize, type Paper } from '../paper.js';

export interface HandoutOptions {
  paper: Paper;
  /** The page printed to PDF loads its fonts from the renderer's memory instead of inline data. */
  forPrint?: boolean;
  /**
   * A page laid out as printed but shown in a browser (the dev server's print preview): fonts
   * inline, and none of the web page's screen layout.
   */
  preview?: boolean;
  /** The content as HTML, when already made (the standalone and the printed page share it). */
  body?: string;
  /** `large-print`: 18 pt and up, wide margins, the page number alone at the bottom right. */
  layout?: 'handout' | 'large-print';
  /** Print-shop version: the page grows by this bleed on every side, the margins with it. */
  bleedMm?: number;
}

/** Margins in mm (top, right, bottom, left) of each layout. */
export const LAYOUTS = {
  handout: { margins: [18, 17, 22, 17] as const, footerPt: 9, runningFooter: true },
  'large-print': { margins: [22, 25, 28, 25] as const, footerPt: 18, runningFooter: false },
};

/**
 * A handout page of a document, each made once per document: the web page (`handout.html`, fonts
 * inline), or the page printed to PDF (fonts served from the renderer's memory), in the handout
 * or large-print layout, with or without a print shop's bleed. All share one body.
 */
export function handoutPage(context: RenderContext, options: Pick<HandoutOptions, 'layout' | 'bleedMm'> & { target: 'web' | 'print' }): string {
  const body = context.memo('handout:body', () => handoutBody(context.doc));
  const key = `handout:${options.target}:${options.layout ?? 'handout'}:${options.bleedMm ?? 0}`;
  return context.memo(key, () =>
    renderHandoutHtml(context.doc, context.tools.templates, context.tools.liquid, {
      paper: context.config.paper,
      forPrint: options.target === 'print',
      body,
      layout: options.layout,
      bleedMm: options.bleedMm,
    }),
  );
}

/** Pure: the handout's content as safe HTML: what the handout audience sees. */
export function handoutBody(doc: PreparedDocument): string {
  return markdownToHtml(forAudience(doc.tree, 'handout'));
}

/**
 * Pure: the handout as one self-contained HTML page (fonts and images inline). The same page is
 * written as `handout.html` and printed to `handout.pdf`.
 */
export function renderHandoutHtml(
  doc: PreparedDocument,
  templates: TemplateSet,
  liquid: Liquid,
  options: HandoutOptions,
): string {
  const { strings: t } = stringsFor(templates, doc.lang);
  const { meta } = doc;
  const layout = LAYOUTS[options.layout ?? 'handout'];
  const fonts = templates.fontsFor(doc.lang);
  const reviewedText = formatDate(meta.reviewed, doc.lang);
  const notice = noticeFor(meta, t);
  const machine = meta.machine_translated ? { title: t.machine_translated_title, body: t.machine_translated_body } : undefined;
  return renderTemplate(liquid, templates.handoutTemplate, {
    lang: doc.lang,
    doc: meta,
    brand: brandFor(templates, t),
    t,
    logo: templates.logo,
    paper: options.paper,
    page_size: pageSize(options.paper, { bleedMm: options.bleedMm }).css,
    page_margin: margins(layout.margins, options.bleedMm),
    footer_pt: layout.footerPt,
    large_print: options.layout === 'large-print',
    large_print_css: templates.largePrintCss,
    web: !options.forPrint && !options.preview,
    font_css: options.forPrint ? fonts.linked : fonts.inline,
    font_stack: fonts.stack,
    csp: contentSecurityPolicy({ fonts: options.forPrint ? ASSET_ORIGIN : undefined }),
    handout_css: templates.handoutCss,
    body: options.body ?? handoutBody(doc),
    notice,
    machine_notice: machine,
    dir: textDirection(doc.lang),
    sources: (meta.sources ?? []).map(normaliseSource),
    keywords: meta.keywords ?? [],
    reviewed_text: reviewedText,
    review_due_text: meta.review_due ? formatDate(meta.review_due, doc.lang) : '',
    footer_left: layout.runningFooter ? `${templates.brand.clinic} · ${meta.title} · ${t.reviewed}: ${reviewedText}` : '',
    page_counter: pageCounter(t.page_of),
  });
}

/** `rtl` for languages written right to left (Arabic, Hebrew...), as the platform's locale data says. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** The notice an experimental or draft document carries, in its language. */
export function noticeFor(meta: PreparedDocument['meta'], t: Strings): { title: string; body: string } | undefined {
  if (meta.status === 'experimental') return { title: t.experimental_title, body: t.experimental_body };
  if (meta.status === 'draft') return { title: t.draft_title, body: t.draft_body };
  return undefined;
}

export function normaliseSource(source: Source): { title: string; publisher?: string; year?: string; url?: string } {
  if (typeof source === 'string') return { title: source };
  return { ...source, year: source.year === undefined ? undefined : String(source.year) };
}

/** `Page {page} of {pages}` as a CSS `content` value with live page counters. */
export function pageCounter(template: string): string {
  const parts = template.split(/(\{page\}|\{pages\})/).filter(Boolean);
  return parts
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

