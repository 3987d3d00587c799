import type { OutputFormat } from './format.js';

/** `slides.html`: the Marp deck to present from, self-contained, with speaker notes. */
export const slidesHtml: OutputFormat = {
  id: 'slides-html',
  file: 'slides.html',
  async produce(context) {
    const deck = context.deck();
    return { content: deck.presentHtml, pages: deck.slideCount };
  },
};
