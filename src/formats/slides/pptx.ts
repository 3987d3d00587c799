import type { OutputFormat } from '../format.js';
import { SLIDE_THEME } from '../template-files.js';
import { optionOf, type FormatOption } from '../../config/option.js';

/** `pptx`: real PowerPoint objects people can edit (default), or a picture of each slide. */
const MODE: FormatOption<'editable' | 'pictures'> = {
  key: 'pptx',
  description: '`slides.pptx` as PowerPoint objects people can edit (`editable`, default), or a picture of each slide (`pictures`)',
  default: 'editable',
  schema: (z) => z.enum(['editable', 'pictures']),
};

/**
 * `slides.pptx`: the deck as a PowerPoint file people can edit: each slide's title, text, lists,
 * tables and pictures as PowerPoint objects where the deck lays them out, on the brand's slide
 * masters, with its speaker notes (see pptx/). With `pptx: pictures` in the config, each slide is a
 * picture of the rendered slide instead, for rooms that want a file that cannot drift.
 */
export const slidesPptx: OutputFormat = {
  id: 'slides-pptx',
  family: 'slides',
  kind: 'pptx',
  label: 'Slides (PowerPoint)',
  unit: 'slides',
  files: ['slides.pptx'],
  browser: true,
  templateFiles: [SLIDE_THEME],
  options: [MODE],
  settings: (config) => ({ buildDate: config.buildDate, pptx: optionOf(config, MODE) }),
  pageRules: ['resource-blocked'],
  async produce(context) {
    const [{ deckOf }, { pageText }, { documentDate }] = await Promise.all([
      import('./deck.js'),
      import('../text.js'),
      import('../../print/print-document.js'),
    ]);
    const deck = deckOf(context);
    const { meta } = context.doc;
    const facts = {
      title: meta.title,
      clinic: context.page.brand.clinic,
      subject: meta.summary ?? meta.condition,
      lang: context.page.lang,
      rtl: context.page.dir === 'rtl',
      date: documentDate(meta.reviewed, context.config.buildDate),
      notes: deck.notes.map((notes) => pageText(notes).trim()),
    };
    if (optionOf(context.config, MODE) === 'pictures') {
      const [{ slidePictures }, { picturesDeck }] = await Promise.all([import('./pictures.js'), import('./pptx/pictures.js')]);
      const { images, blocked } = await slidePictures(context);
      const pptx = await picturesDeck(
        facts,
        images.map((png, i) => ({ png, alt: deck.slides[i]?.title ?? '' })),
      );
      return { files: { 'slides.pptx': pptx }, pages: images.length, findings: { blocked } };
    }
    const [{ measureDeck, brandLook }, { editableDeck }] = await Promise.all([import('./pptx/layout.js'), import('./pptx/editable.js')]);
    const { slides, blocked } = await measureDeck(context, deck.printHtml);
    const { brand } = context.page;
    const scriptFont = /^"[^"]+",\s*"([^"]+)"/.exec(context.page.fonts.stack)?.[1];
    const pptx = await editableDeck(facts, slides, brandLook(slides, brand), scriptFont);
    return { files: { 'slides.pptx': pptx }, pages: slides.length, findings: { blocked } };
  },
};
