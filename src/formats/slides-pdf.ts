import type { OutputFormat } from './format.js';

/** `slides.pdf`: the deck to share, one 16:9 slide per page. */
export const slidesPdf: OutputFormat = {
  id: 'slides-pdf',
  file: 'slides.pdf',
  async produce(context) {
    const pdf = await context.pdf(context.deck().printHtml, 'slides-pdf');
    return { content: pdf.bytes, pages: pdf.pages };
  },
};
