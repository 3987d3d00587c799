import { textBody, EMU } from './drawingml.js';
import { defineMasters, MASTER, type BrandLook } from './master.js';
import type { Paragraph, PictureShape, SlideModel, TableShape, TextShape } from './model.js';
import { newPresentation, writePresentation, type DeckFacts, type Presentation } from './package.js';
import { TITLE } from './parts.js';

type Slide = ReturnType<Presentation['addSlide']>;
type Bodies = Map<string, { xml: (links: readonly string[]) => string; title: boolean; box?: { x: number; y: number; w: number; h: number } }>;

const inches = (px: number) => px / 96;
const points = (px: number) => px * 0.75;

/**
 * The editable PowerPoint file: each slide built from the deck's own layout, measured in Chromium
 * (see measure.ts): the heading as the slide's title placeholder, lists as bulleted paragraphs with
 * their levels, paragraphs as text, tables as tables, images as pictures with their alt text, and
 * the coloured boxes (notices) as rectangles, each where the deck puts it; the brand's slide
 * masters behind them (see master.ts). What is not text (the logo, a drawing) is a picture.
 */
export async function editableDeck(facts: DeckFacts, slides: readonly SlideModel[], look: BrandLook, scriptFont?: string): Promise<Uint8Array> {
  const pptx = newPresentation(facts);
  defineMasters(pptx, look);
  const bodies = new Map<number, Bodies>();
  slides.forEach((model, index) => {
    const slide = pptx.addSlide({ masterName: model.kind === 'title' ? MASTER.title : MASTER.content });
    slide.background = { color: model.background };
    const own: Bodies = new Map();
    model.shapes.forEach((shape, i) => {
      const box = { x: inches(shape.x), y: inches(shape.y - (shape.kind === 'text' ? halfLeading(shape) : 0)), w: inches(shape.w), h: inches(shape.h) };
      if (shape.kind === 'rect') slide.addShape('rect', { ...box, fill: { color: shape.fill }, line: { type: 'none' }, objectName: `Box ${i + 1}` });
      else if (shape.kind === 'picture') addPicture(slide, shape, box, i);
      else if (shape.kind === 'table') addTable(slide, shape, box);
      else addText(slide, shape, box, i, own, { lang: facts.lang, scriptFont });
    });
    // A placeholder run: the notes' paragraphs are written by rewritePart, in the deck's language.
    slide.addNotes(' ');
    bodies.set(index + 1, own);
  });
  return writePresentation(pptx, facts, { bodies, theme: look.colors });
}

/**
 * CSS sets a line's extra height (line-height above the font size) half above its text and half
 * below; LibreOffice, given the same exact line spacing, sets its text that much lower. A text box
 * is moved up by half its first line's leading so its text sits where the deck shows it (measured
 * against slides.pdf: 0.5 of the leading leaves the fewest pixels apart).
 */
function halfLeading(shape: TextShape): number {
  const first = shape.paragraphs[0];
  return first ? Math.max(0, first.lineHeight - (first.runs[0]?.size ?? first.lineHeight)) / 2 : 0;
}

function addPicture(slide: Slide, shape: PictureShape, box: Record<'x' | 'y' | 'w' | 'h', number>, i: number): void {
  slide.addImage({ data: shape.data.replace(/^data:/, ''), ...box, altText: shape.alt, objectName: `Picture ${i + 1}` });
}

/**
 * A text box made by pptxgenjs only for its place, name and link relationships (one run per link,
 * in order); its body is written by rewritePart (drawingml.ts). The title is the slide's title
 * placeholder: pptxgenjs would move it to the layout's place, so its measured box goes with it.
 */
function addText(
  slide: Slide,
  shape: TextShape,
  box: Record<'x' | 'y' | 'w' | 'h', number>,
  i: number,
  bodies: Bodies,
  facts: { lang: string; scriptFont?: string },
): void {
  const title = shape.role === 'title';
  const name = title ? TITLE : shape.role === 'number' ? 'Slide Number' : shape.role === 'footer' ? 'Footer' : `Text ${i + 1}`;
  const links = shape.paragraphs.flatMap((p) =>
    p.runs.flatMap((run) => (run.link ? [{ text: run.text || ' ', options: { hyperlink: { url: run.link } } }] : [])),
  );
  slide.addText(links.length ? links : ' ', { ...box, objectName: name, margin: 0, valign: 'top', isTextBox: !title, ...(title && { placeholder: 'title' }) });
  const paragraphs = shape.role === 'number' ? slideNumber(shape.paragraphs) : shape.paragraphs;
  bodies.set(name, {
    xml: (rIds) => textBody(paragraphs, { ...facts, links: rIds, oneLine: shape.paragraphs.length === 1 && shape.h < shape.paragraphs[0]!.lineHeight * 1.5 }),
    title,
    ...(title && {
      box: { x: Math.round(shape.x * EMU), y: Math.round((shape.y - halfLeading(shape)) * EMU), w: Math.round(shape.w * EMU), h: Math.round(shape.h * EMU) },
    }),
  });
}

/** The slide number (`2 / 8`) with its number as PowerPoint's own field, so it stays right when slides are added or moved. */
function slideNumber(paragraphs: readonly Paragraph[]): Paragraph[] {
  return paragraphs.map((p) => ({
    ...p,
    runs: p.runs.flatMap((run) => {
      const [, number, rest] = /^(\d+)(.*)$/s.exec(run.text) ?? [];
      return number ? [{ ...run, text: number, field: 'slidenum' as const }, ...(rest ? [{ ...run, text: rest }] : [])] : [run];
    }),
  }));
}

function addTable(slide: Slide, shape: TableShape, box: Record<'x' | 'y' | 'w' | 'h', number>): void {
  const rows = shape.rows.map((row) =>
    row.cells.map((cell) => {
      const p = cell.paragraphs[0];
      const first = p?.runs[0];
      return {
        text: (p?.runs ?? []).map((run) => ({
          text: run.text,
          options: {
            bold: run.bold,
            italic: run.italic,
            color: run.color,
            fontFace: run.font,
            fontSize: points(run.size),
            ...(run.link && { hyperlink: { url: run.link } }),
          },
        })),
        options: {
          ...(cell.fill && { fill: { color: cell.fill } }),
          align: p?.align ?? 'left',
          valign: 'top' as const,
          ...(first && { fontFace: first.font, fontSize: points(first.size), color: first.color }),
          ...(p && { lineSpacing: points(p.lineHeight) }),
        },
      };
    }),
  );
  const [top, right, bottom, left] = shape.padding.map(inches) as [number, number, number, number];
  slide.addTable(rows, {
    x: box.x,
    y: box.y,
    w: box.w,
    colW: shape.columns.map(inches),
    rowH: shape.rows.map((row) => inches(row.height)),
    border: { type: 'solid', pt: points(shape.border.width), color: shape.border.color },
    margin: [top, right, bottom, left],
  });
}
