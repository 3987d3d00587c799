/**
 * A slide as the deck lays it out, measured in Chromium (see measure.ts): what the PowerPoint file
 * is built from. Lengths are CSS pixels from the slide's top left corner (1280 x 720); colours are
 * `RRGGBB`; font sizes are CSS pixels.
 */
export interface SlideModel {
  /** Which slide master it takes. */
  kind: 'title' | 'content';
  background: string;
  /** The brand bar along the slide's top (the theme's top border), which the slide master draws. */
  bar: { height: number; color?: string };
  shapes: Shape[];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Shape = RectShape | TextShape | PictureShape | TableShape;

/** A plain coloured box: the brand bar, a notice's background and its edge. */
export interface RectShape extends Box {
  kind: 'rect';
  fill: string;
}

/** A text box: a heading (the slide's title when `role` is `title`), paragraphs, a list, a caption, the footer. */
export interface TextShape extends Box {
  kind: 'text';
  role: 'title' | 'body' | 'footer' | 'number';
  paragraphs: Paragraph[];
}

export interface Paragraph {
  runs: Run[];
  align: 'left' | 'center' | 'right';
  /** A list item: its bullet (or number) and how deep it is (0 for a top-level item). */
  bullet?: { type: 'bullet' | 'number'; char: string; level: number; color: string; indent: number };
  /** CSS pixels: the line height, and the space before the next paragraph of the same box. */
  lineHeight: number;
  spaceAfter: number;
  rtl: boolean;
}

export interface Run {
  text: string;
  font: string;
  size: number;
  color: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** A link's address. */
  link?: string;
  /** A line break after this run (`<br>`). */
  breakAfter?: boolean;
  /** A field PowerPoint fills in itself: the slide's number. */
  field?: 'slidenum';
}

/** A picture: a content image (with its alt text) or anything drawn that cannot be text (the logo, an SVG). */
export interface PictureShape extends Box {
  kind: 'picture';
  /** A `data:` URL (PNG or JPEG). */
  data: string;
  alt: string;
}

export interface TableShape extends Box {
  kind: 'table';
  /** Column widths in CSS pixels. */
  columns: number[];
  rows: { cells: { paragraphs: Paragraph[]; fill?: string; header: boolean }[]; height: number }[];
  border: { width: number; color: string };
  /** Cell padding in CSS pixels (top, right, bottom, left). */
  padding: [number, number, number, number];
}
