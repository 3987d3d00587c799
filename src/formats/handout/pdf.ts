import type { OutputFormat } from '../format.js';

/** `handout.pdf`: the printable handout, on the configured paper size. */
export const handoutPdf: OutputFormat = {
  id: 'handout-pdf',
  family: 'handout',
  kind: 'pdf',
  label: 'Handout (PDF)',
  unit: 'pages',
  files: ['handout.pdf'],
  browser: true,
  settings: (config) => ({ paper: config.paper, buildDate: config.buildDate }),
  pageRules: ['disclaimer', 'resource-blocked'],
  template: 'handout/handout.liquid',
  page: async (context) => (await import('./page.js')).handoutPage(context, 'print'),
  async produce(context) {
    const html = (await import('./page.js')).handoutPage(context, 'print');
    const pdf = await context.print(html, 'handout-pdf');
    return { files: { 'handout.pdf': pdf.bytes }, pages: pdf.pages, findings: pdf.findings };
  },
};
