import type { OutputFormat } from '../format.js';
import { SLIDE_THEME } from '../template-files.js';

/** `slides.html`: the Marp deck to present from, self-contained, with speaker notes. */
export const slidesHtml: OutputFormat = {
  id: 'slides-html',
  family: 'slides',
  kind: 'html',
  label: 'Slides (present)',
  unit: 'slides',
  files: ['slides.html'],
  browser: false,
  settings: () => ({}),
  pageRules: [],
  template: 'slides/theme.css',
  templateFiles: [SLIDE_THEME],
  page: async (context) => (await import('./deck.js')).deckOf(context).presentHtml,
  async produce(context) {
    const deck = (await import('./deck.js')).deckOf(context);
    return { files: { 'slides.html': deck.presentHtml }, pages: deck.slideCount };
  },
};
