import type { Liquid } from 'liquidjs';
import type { RenderContext } from '../context.js';
import type { Source } from '../../parse/schema.js';
import type { PreparedDocument } from '../../transform/document.js';
import type { TemplateSet } from '../../templates/brand.js';
import { ASSET_ORIGIN } from '../../templates/fonts.js';
import { cssString } from '../../templates/liquid.js';
import { contentSecurityPolicy } from '../../templates/csp.js';
import { formatDate, stringsFor } from '../../templates/strings.js';
import { forAudience } from '../../transform/audience.js';
import { markdownToHtml } from '../../transform/to-html.js';

export interface HandoutOptions {
  paper: 'A4' | 'Letter';
  /** The page printed to PDF loads its fonts from the renderer's memory instead of inline data. */
  forPrint?: boolean;
  /** The content as HTML, when already made (the standalone and the printed page share it). */
  body?: string;
}

/**
 * The handout page of a document, made once per document: `web` is `handout.html` (fonts inline),
 * `print` the same page printed to PDF (fonts served from the renderer's memory).
 */
export function handoutPage(context: RenderContext, variant: 'web' | 'print'): string {
  const body = context.memo('handout:body', () => handoutBody(context.doc));
  return context.memo(`handout:${variant}`, () =>
    renderHandoutHtml(context.doc, context.tools.templates, context.tools.liquid, { paper: context.config.paper, forPrint: variant === 'print', body }),
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
  const reviewedText = formatDate(meta.reviewed, doc.lang);
  const notice =
    meta.status === 'experimental'
      ? { title: t.experimental_title, body: t.experimental_body }
      : meta.status === 'draft'
        ? { title: t.draft_title, body: t.draft_body }
        : undefined;
  return liquid.parseAndRenderSync(templates.handoutTemplate, {
    lang: doc.lang,
    doc: meta,
    brand: templates.brand,
    t,
    logo: templates.logo,
    paper: options.paper,
    font_css: options.forPrint ? templates.fonts.linked : templates.fonts.inline,
    csp: contentSecurityPolicy({ fonts: options.forPrint ? ASSET_ORIGIN : undefined }),
    handout_css: templates.handoutCss,
    body: options.body ?? handoutBody(doc),
    notice,
    sources: (meta.sources ?? []).map(normaliseSource),
    keywords: meta.keywords ?? [],
    reviewed_text: reviewedText,
    review_due_text: meta.review_due ? formatDate(meta.review_due, doc.lang) : '',
    footer_left: `${templates.brand.clinic} · ${meta.title} · ${t.reviewed}: ${reviewedText}`,
    page_counter: pageCounter(t.page_of),
  });
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

