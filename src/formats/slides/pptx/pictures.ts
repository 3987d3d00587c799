import { newPresentation, writePresentation, type DeckFacts } from './package.js';

/**
 * The picture version (`pptx: pictures`): one slide per deck slide, each the rendered slide as a
 * picture at presentation resolution, for rooms that want a file that cannot drift from the
 * approved deck. Its text cannot be edited; the notes and properties are as in the editable file.
 */
export async function picturesDeck(facts: DeckFacts, slides: readonly { png: Uint8Array; alt: string }[]): Promise<Uint8Array> {
  const pptx = newPresentation(facts);
  for (const slide of slides) {
    const page = pptx.addSlide();
    page.addImage({ data: `image/png;base64,${Buffer.from(slide.png).toString('base64')}`, x: 0, y: 0, w: '100%', h: '100%', altText: slide.alt });
    // A placeholder run: the notes' paragraphs are written by rewritePart, in the deck's language.
    page.addNotes(' ');
  }
  return writePresentation(pptx, facts);
}
