import type { Presentation } from './package.js';

/** The slide masters' names, as PowerPoint lists them under New Slide. */
export const MASTER = { title: 'Title slide', content: 'Content slide' } as const;

/** The brand as the PowerPoint file wears it: colours (`RRGGBB`), font, and the theme's geometry (CSS pixels). */
export interface BrandLook {
  font: string;
  primary: string;
  accent: string;
  text: string;
  muted: string;
  surface: string;
  /** The theme's colour scheme (see parts.ts). */
  colors: Readonly<Record<string, string>>;
  /** The brand bar's height on the title slide and on the others. */
  bar: { title: number; content: number };
  /** Where the content slides' title sits, and its size. */
  title: { x: number; y: number; w: number; h: number; size: number };
}

const inches = (px: number) => px / 96;

/**
 * The slide masters a slide added in PowerPoint takes: the content slide (white, the brand bar
 * along the top, the title placeholder in the brand's colour and font) and the title slide (the
 * brand's surface colour, a thicker bar). The theme's fonts are the brand's, so new text boxes
 * are in it too; where the font is not installed, PowerPoint and LibreOffice put a sans-serif in
 * its place.
 */
export function defineMasters(pptx: Presentation, look: BrandLook): void {
  pptx.theme = { headFontFace: look.font, bodyFontFace: look.font };
  const bar = (height: number) => ({
    rect: { x: 0, y: 0, w: inches(1280), h: inches(height), fill: { color: look.primary }, line: { type: 'none' as const } },
  });
  const title = (size: number, y: number) => ({
    placeholder: {
      options: {
        name: 'title',
        type: 'title' as const,
        x: inches(look.title.x),
        y: inches(y),
        w: inches(look.title.w),
        h: inches(look.title.h),
        fontFace: look.font,
        fontSize: size * 0.75,
        color: look.primary,
        bold: true,
        valign: 'top' as const,
        margin: 0,
      },
      text: '',
    },
  });
  pptx.defineSlideMaster({ title: MASTER.content, background: { color: 'FFFFFF' }, objects: [bar(look.bar.content), title(look.title.size, look.title.y)] });
  pptx.defineSlideMaster({ title: MASTER.title, background: { color: look.surface }, objects: [bar(look.bar.title), title(look.title.size * 1.3, 300)] });
}
