import type { FillResult } from './fill.js';
import type { OutputFormat, PageFindings } from '../format.js';
import { printShopFile, printShopSettings } from '../print-shop.js';
import { BROCHURE_FILES } from '../template-files.js';
import { optionOf } from '../../config/option.js';
import { FOLD_MM, QR_URL } from './options.js';

const ID = 'brochure-pdf';
const PX_PER_MM = 96 / 25.4;

/**
 * `brochure.pdf`: a tri-fold on one landscape sheet printed on both sides: outside the flap, the
 * back panel (contact, QR code, disclaimer, review dates) and the cover; inside three panels. The
 * content fills the flap and the inside panels in reading order; content that does not fit fails
 * the document with the section where it starts. `brochure-print.pdf` for a print shop.
 */
export const brochurePdf: OutputFormat = {
  id: ID,
  family: 'brochure',
  kind: 'pdf',
  label: 'Brochure (tri-fold PDF)',
  unit: 'pages',
  files: ['brochure.pdf', 'brochure-print.pdf'],
  browser: true,
  printReady: true,
  options: [QR_URL, FOLD_MM],
  settings: (config) => ({
    paper: config.paper,
    buildDate: config.buildDate,
    fold: optionOf(config, FOLD_MM),
    qr: optionOf(config, QR_URL),
    ...printShopSettings(config, ID),
  }),
  pageRules: ['disclaimer', 'resource-blocked', 'brochure-overflow'],
  template: 'brochure/brochure.liquid',
  templateFiles: [BROCHURE_FILES.page, BROCHURE_FILES.css],
  page: async (context) => (await import('./page.js')).brochurePage(context),
  async produce(context) {
    const { brochurePage, brochureSections } = await import('./page.js');
    const { fillPanels } = await import('./fill.js');
    let filled: FillResult = { used: 0 };
    const fill = async (page: import('puppeteer-core').Page) => {
      filled = await page.evaluate(fillPanels);
    };
    const pdf = await context.print(await brochurePage(context), ID, fill);
    const findings: Partial<PageFindings> = { ...pdf.findings, overflow: [] };
    const over = filled.overflow;
    if (over) {
      const by = Math.ceil(over.byPx / PX_PER_MM);
      const section = over.section ? brochureSections(context).get(over.section) : undefined;
      const where =
        over.panel === 'cover'
          ? { label: "The brochure's cover", place: context.doc.metaPlaces.summary ?? context.doc.metaPlaces.title }
          : over.panel === 'back'
            ? { label: "The brochure's back panel" }
            : { label: `The brochure's content, from the section “${section?.title ?? 'start'}”,`, place: section?.place, file: section?.file };
      findings.overflow = [{ ...where, by, unit: 'mm', of: Math.floor(over.panelPx / PX_PER_MM) }];
      return { files: {}, pages: pdf.pages, findings };
    }
    const shop = await printShopFile(context, { id: ID, name: 'brochure-print.pdf' }, (bleedMm) => brochurePage(context, bleedMm), fill);
    return { files: { 'brochure.pdf': pdf.bytes, ...shop }, pages: pdf.pages, findings };
  },
};
