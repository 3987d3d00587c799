import type { OutputFormat } from './format.js';

/** `handout.html`: the handout as a standalone page for the clinic's website. */
export const handoutHtml: OutputFormat = {
  id: 'handout-html',
  file: 'handout.html',
  async produce(context) {
    return { content: context.handoutHtml() };
  },
};
