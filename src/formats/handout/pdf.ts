import type { OutputFormat } from '../format.js';
import { HANDOUT_FILES } from '../template-files.js';
import { printShopFile, printShopSettings } from '../print-shop.js';

const ID = 'handout-pdf';

/** `handout.pdf`: the printable handout, on the configured paper size; `handout-print.pdf` for a print shop. */
export const handoutPdf: OutputFormat = {
  id: ID,
  family: 'handout',
  kind: 'pdf',
  label: 'Handout (PDF)',
  unit: 'pages',
  files: ['handout.pdf', 'handout-print.pdf'],
  browser: true,
  printReady: true,
  settings: (config) => ({ paper: config.paper, buildDate: config.buildDate, ...printShopSettings(config, ID) }),
  pageRules: ['disclaimer', 'resource-blocked'],
  template: 'handout/handout.liquid',
  templateFiles: [HANDOUT_FILES.page, HANDOUT_FILES.css],
  page: async (context) => (await import('./page.js')).handoutPage(context, { target: 'print' }),
  preview: { file: 'handout.html', page: async (context) => (await import('./page.js')).handoutPage(context, { target: 'preview' }) },
  async produce(context) {
    const { handoutPage } = await import('./page.js');
    const pdf = await context.print(handoutPage(context, { target: 'print' }), ID);
    const shop = await printShopFile(context, { id: ID, name: 'handout-print.pdf' }, (bleedMm) => handoutPage(context, { target: 'print', bleedMm }));
    return { files: { 'handout.pdf': pdf.bytes, ...shop }, pages: pdf.pages, findings: pdf.findings };
  },
};
