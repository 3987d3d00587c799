import type { Liquid } from 'liquidjs';
import type { RenderContext } from '../context.js';
import type { PreparedDocument } from '../../transform/prepared.js';
import type { TemplateSet } from '../../templates/brand.js';
import { ASSET_ORIGIN } from '../../templates/fonts.js';
import { cssString, renderTemplate } from '../../templates/liquid.js';
import { contentSecurityPolicy } from '../../templates/csp.js';
import { forAudience } from '../../transform/audience.js';
import { markdownToHtml } from '../../transform/to-html.js';
import { pageData, type PageData } from '../page-data.js';
import { margins, pageSize, type Paper } from '../paper.js';
import { HANDOUT_FILES } from '../template-files.js';

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
  /** The document's page data, when already made (see page-data.ts). */
  data?: PageData;
}

/** Margins in mm (top, right, bottom, left) of each layout. */
export const LAYOUTS = {
  handout: { margins: [18, 17, 22, 17] as const, footerPt: 9, runningFooter: true },
  'large-print': { margins: [22, 25, 28, 25] as const, footerPt: 18, runningFooter: false },
};

/**
 * A handout page of a document, each made once per document: the web page (`handout.html`, fonts
 * inline), the page printed to PDF (fonts served from the renderer's memory), or the dev server's
 * print preview of it (fonts inline, laid out into pages by Paged.js), in the handout or
 * large-print layout, with or without a print shop's bleed. All share one body.
 */
export function handoutPage(context: RenderContext, options: Pick<HandoutOptions, 'layout' | 'bleedMm'> & { target: 'web' | 'print' | 'preview' }): string {
  const body = context.memo('handout:body', () => handoutBody(context.doc));
  const key = `handout:${options.target}:${options.layout ?? 'handout'}:${options.bleedMm ?? 0}`;
  return context.memo(key, () =>
    renderHandoutHtml(context.doc, context.tools.templates, context.tools.liquid, {
      paper: context.config.paper,
      forPrint: options.target === 'print',
      preview: options.target === 'preview',
      body,
      layout: options.layout,
      bleedMm: options.bleedMm,
      data: context.page,
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
export function renderHandoutHtml(doc: PreparedDocument, templates: TemplateSet, liquid: Liquid, options: HandoutOptions): string {
  const data = options.data ?? pageData(doc, templates);
  const { t, fonts } = data;
  const { meta } = doc;
  const layout = LAYOUTS[options.layout ?? 'handout'];
  const largePrint = options.layout === 'large-print';
  return renderTemplate(liquid, templates.text(HANDOUT_FILES.page), {
    lang: data.lang,
    dir: data.dir,
    doc: meta,
    brand: data.brand,
    t,
    logo: templates.logo,
    paper: options.paper,
    page_size: pageSize(options.paper, { bleedMm: options.bleedMm }).css,
    page_margin: margins(layout.margins, options.bleedMm),
    footer_pt: layout.footerPt,
    large_print: largePrint,
    large_print_css: largePrint ? templates.text(HANDOUT_FILES.largePrint) : '',
    web: !options.forPrint && !options.preview,
    font_css: options.forPrint ? fonts.linked : fonts.inline,
    font_stack: fonts.stack,
    csp: contentSecurityPolicy({ fonts: options.forPrint ? ASSET_ORIGIN : undefined }),
    handout_css: templates.text(HANDOUT_FILES.css),
    body: options.body ?? handoutBody(doc),
    notice: data.notice,
    machine_notice: data.machineNotice,
    sources: data.sources,
    keywords: data.keywords,
    reviewed_text: data.reviewedText,
    review_due_text: data.reviewDueText,
    footer_left: layout.runningFooter ? `${data.brand.clinic} · ${meta.title} · ${t.reviewed}: ${data.reviewedText}` : '',
    page_counter: pageCounter(t.page_of),
  });
}

/** `Page {page} of {pages}` as a CSS `content` value with live page counters. */
export function pageCounter(template: string): string {
  const parts = template.split(/(\{page\}|\{pages\})/).filter(Boolean);
  return parts.map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part))).join(' ');
}
