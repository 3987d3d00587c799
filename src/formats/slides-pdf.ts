import type { OutputFormat } from './format.js';

/** `slides.pdf`: the deck to share, one 16:9 slide per page. Also measures slides that overflow. */
export const slidesPdf: OutputFormat = {
  id: 'slides-pdf',
  file: 'slides.pdf',
  async produce(context) {
    const pdf = await context.pdf(context.deck().printHtml, 'slides-pdf', async (page) => {
      const overflow = await page.evaluate(() =>
        Array.from(document.querySelectorAll('div.marpit > section'), (section, slide) => ({
          slide,
          by: Math.ceil(section.scrollHeight - section.clientHeight),
        })).filter(({ by }) => by > 1),
      );
      context.overflow.push(...overflow);
    });
    return { content: pdf.bytes, pages: pdf.pages };
  },
};
