import type { OutputFormat } from '../format.js';

/**
 * `slides.pptx`: for rooms where only PowerPoint is allowed. One slide per deck slide, each the
 * rendered slide as a picture (not editable text), with its speaker notes.
 */
export const slidesPptx: OutputFormat = {
  id: 'slides-pptx',
  family: 'slides',
  kind: 'pptx',
  label: 'Slides (PowerPoint)',
  unit: 'slides',
  files: ['slides.pptx'],
  browser: true,
  settings: (config) => ({ buildDate: config.buildDate }),
  pageRules: ['resource-blocked'],
  async produce(context) {
    const [{ deckOf }, { slidePictures }, { deckPptx }, { pageText }, { documentDate }] = await Promise.all([
      import('./deck.js'),
      import('./pictures.js'),
      import('./pptx-file.js'),
      import('../text.js'),
      import('../../print/document.js'),
    ]);
    const deck = deckOf(context);
    const { images, blocked } = await slidePictures(context);
    const { meta } = context.doc;
    const pptx = await deckPptx({
      title: meta.title,
      clinic: context.page.brand.clinic,
      subject: meta.summary ?? meta.condition,
      lang: context.page.lang,
      rtl: context.page.dir === 'rtl',
      date: documentDate(meta.reviewed, context.config.buildDate),
      slides: images.map((png, i) => ({ png, notes: pageText(deck.notes[i] ?? '').trim(), alt: deck.slides[i]?.title ?? '' })),
    });
    return { files: { 'slides.pptx': pptx }, pages: images.length, findings: { blocked } };
  },
};
