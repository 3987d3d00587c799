import type { OutputFormat } from '../format.js';
import { HANDOUT_FILES } from '../template-files.js';
import { printShopFile, printShopSettings } from '../print-shop.js';

const ID = 'large-print-pdf';

/**
 * `large-print.pdf`: the handout for readers with low vision: 18 pt and up, one column, wide
 * margins, the page number at the bottom right; the same content and metadata as the handout.
 */
export const largePrintPdf: OutputFormat = {
  id: ID,
  family: 'large-print',
  kind: 'pdf',
  label: 'Large print (PDF)',
  unit: 'pages',
  files: ['large-print.pdf', 'large-print-print.pdf'],
  browser: true,
  printReady: true,
  settings: (config) => ({ paper: config.paper, buildDate: config.buildDate, ...printShopSettings(config, ID) }),
  pageRules: ['disclaimer', 'resource-blocked'],
  template: 'handout/handout.liquid',
  templateFiles: [HANDOUT_FILES.page, HANDOUT_FILES.css, HANDOUT_FILES.largePrint],
  page: async (context) => (await import('../handout/page.js')).handoutPage(context, { target: 'print', layout: 'large-print' }),
  preview: {
    file: 'large-print.html',
    page: async (context) => (await import('../handout/page.js')).handoutPage(context, { target: 'preview', layout: 'large-print' }),
  },
  async produce(context) {
    const { handoutPage } = await import('../handout/page.js');
    const pdf = await context.print(handoutPage(context, { target: 'print', layout: 'large-print' }), ID);
    const shop = await printShopFile(context, { id: ID, name: 'large-print-print.pdf' }, (bleedMm) =>
      handoutPage(context, { target: 'print', layout: 'large-print', bleedMm }),
    );
    return { files: { 'large-print.pdf': pdf.bytes, ...shop }, pages: pdf.pages, findings: pdf.findings };
  },
};
