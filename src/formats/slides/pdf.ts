import type { OutputFormat } from '../format.js';
import { SLIDE_THEME } from '../template-files.js';

/** `slides.pdf`: the deck to share, one 16:9 slide per page. Also measures slides that overflow. */
export const slidesPdf: OutputFormat = {
  id: 'slides-pdf',
  family: 'slides',
  kind: 'pdf',
  label: 'Slides (PDF)',
  unit: 'pages',
  files: ['slides.pdf'],
  browser: true,
  settings: (config) => ({ buildDate: config.buildDate }),
  pageRules: ['disclaimer', 'resource-blocked', 'slide-overflow'],
  template: 'slides/theme.css',
  templateFiles: [SLIDE_THEME],
  page: async (context) => (await import('./deck.js')).deckOf(context).printHtml,
  async produce(context) {
    const deck = (await import('./deck.js')).deckOf(context);
    let overflow: { slide: number; by: number }[] = [];
    const pdf = await context.print(deck.printHtml, 'slides-pdf', async (page) => {
      overflow = await page.evaluate(() =>
        Array.from(document.querySelectorAll('div.marpit > section'), (section, slide) => ({
          slide,
          by: Math.ceil(section.scrollHeight - section.clientHeight),
        })).filter(({ by }) => by > 1),
      );
    });
    const located = overflow.map(({ slide, by }) => {
      const info = deck.slides[slide];
      return { label: `Slide ${slide + 1} (“${info?.title ?? ''}”)`, place: info?.place, file: info?.file, by };
    });
    return { files: { 'slides.pdf': pdf.bytes }, pages: pdf.pages, findings: { ...pdf.findings, overflow: located } };
  },
};
