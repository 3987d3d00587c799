import type { OutputFormat } from './format.js';

/** `handout.pdf`: the printable handout, on the configured paper size. */
export const handoutPdf: OutputFormat = {
  id: 'handout-pdf',
  file: 'handout.pdf',
  async produce(context) {
    const pdf = await context.pdf(context.handoutPrintHtml(), 'handout-pdf');
    return { content: pdf.bytes, pages: pdf.pages };
  },
};
