import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Position } from 'unist';
import type { RenderContext } from '../context.js';
import type { Place } from '../../core/diagnostics.js';
import { ASSET_ORIGIN } from '../../templates/fonts.js';
import { contentSecurityPolicy } from '../../templates/csp.js';
import { renderTemplate } from '../../templates/liquid.js';
import { brandFor, formatDate } from '../../templates/strings.js';
import { brochureTree } from '../../transform/audience.js';
import { markdownToHtml } from '../../transform/to-html.js';
import { normaliseSource, noticeFor } from '../handout/page.js';
import { documentUrl, qrSvg } from '../qr.js';
import { brochureSheet } from './sheet.js';

/**
 * The brochure page of a document (made once per bleed): cover, back panel and the content in
 * reading order, which `fillPanels` moves into the four content panels in the browser.
 */
export async function brochurePage(context: RenderContext, bleedMm = 0): Promise<string> {
  const { doc, config, strings: t } = context;
  const { templates, liquid } = context.tools;
  const url = documentUrl(config.qrUrl, { slug: doc.ref.slug, lang: doc.lang });
  const qr = url ? { url, svg: await qrSvg(url, `${t.qr_caption}: ${url}`) } : undefined;
  return context.memo(`brochure:${bleedMm}`, () =>
    renderTemplate(liquid, templates.brochureTemplate, {
      lang: doc.lang,
      doc: doc.meta,
      brand: brandFor(templates, t),
      t,
      logo: templates.logo,
      sheet: brochureSheet(config.paper, { foldMm: config.brochureFoldMm, bleedMm }),
      font_css: templates.fonts.linked,
      csp: contentSecurityPolicy({ fonts: ASSET_ORIGIN }),
      brochure_css: templates.brochureCss,
      body: context.memo('brochure:body', () => markdownToHtml(brochureTree(doc.tree))),
      notice: noticeFor(doc.meta, t),
      machine_notice: doc.meta.machine_translated ? { title: t.machine_translated_title, body: t.machine_translated_body } : undefined,
      qr,
      sources: (doc.meta.sources ?? []).map(normaliseSource),
      reviewed_text: formatDate(doc.meta.reviewed, doc.lang),
      review_due_text: doc.meta.review_due ? formatDate(doc.meta.review_due, doc.lang) : '',
    }),
  );
}

/**
 * Where each heading of the brochure's content is written, by the id the page gives it
 * (rehype-slug's ids, made by the same github-slugger), so an overflow names its section.
 */
export function brochureSections(context: RenderContext): Map<string, { title: string; place?: Place | Position; file?: string }> {
  const slugger = new GithubSlugger();
  const sections = new Map<string, { title: string; place?: Place | Position; file?: string }>();
  visit(brochureTree(context.doc.tree), 'heading', (heading: Heading) => {
    const title = toString(heading);
    sections.set(slugger.slug(title), { title, place: heading.position, file: heading.data?.file });
  });
  sections.set('sources-title', { title: context.strings.sources, place: context.doc.metaPlaces.sources });
  return sections;
}
