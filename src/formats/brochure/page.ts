import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Position } from 'unist';
import type { RenderContext } from '../context.js';
import type { Place } from '../../core/diagnostics.js';
import { ASSET_ORIGIN } from '../../templates/fonts.js';
import { contentSecurityPolicy } from '../../templates/csp.js';
import { renderTemplate } from '../../templates/liquid.js';
import { brochureTree } from '../../transform/audience.js';
import { markdownToHtml } from '../../transform/to-html.js';
import { documentUrl, qrSvg } from '../qr.js';
import { brochureSheet } from './sheet.js';
import { BROCHURE_FILES } from '../template-files.js';
import { optionOf } from '../../config/option.js';
import { FOLD_MM, QR_URL } from './options.js';

/**
 * The brochure page of a document (made once per bleed): cover, back panel and the content in
 * reading order, which `fillPanels` moves into the four content panels in the browser.
 */
export async function brochurePage(context: RenderContext, bleedMm = 0): Promise<string> {
  const { doc, config } = context;
  const { templates, liquid } = context.tools;
  const data = context.page;
  const { t } = data;
  const url = documentUrl(optionOf(config, QR_URL), { slug: doc.ref.slug, lang: doc.lang });
  const qr = url ? { url, svg: await qrSvg(url, `${t.qr_caption}: ${url}`) } : undefined;
  return context.memo(`brochure:${bleedMm}`, () =>
    renderTemplate(liquid, templates.text(BROCHURE_FILES.page), {
      lang: data.lang,
      dir: data.dir,
      doc: doc.meta,
      brand: data.brand,
      t,
      logo: templates.logo,
      sheet: brochureSheet(config.paper, { foldMm: optionOf(config, FOLD_MM), bleedMm }),
      font_css: data.fonts.linked,
      font_stack: data.fonts.stack,
      csp: contentSecurityPolicy({ fonts: ASSET_ORIGIN }),
      brochure_css: templates.text(BROCHURE_FILES.css),
      body: context.memo('brochure:body', () => markdownToHtml(brochureTree(doc.tree))),
      notice: data.notice,
      machine_notice: data.machineNotice,
      qr,
      sources: data.sources,
      reviewed_text: data.reviewedText,
      review_due_text: data.reviewDueText,
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
    const title = nodeText(heading);
    sections.set(slugger.slug(title), { title, place: heading.position, file: heading.data?.file });
  });
  sections.set('sources-title', { title: context.strings.sources, place: context.doc.metaPlaces.sources });
  return sections;
}
