import type { RenderContext } from '../../context.js';
import { measureSlides } from './measure.js';
import type { BrandLook } from './master.js';
import type { PictureShape, Shape, SlideModel } from './model.js';

/** Slides are 1280 x 720 CSS pixels; what is photographed is taken at twice that, sharp on a projector. */
const SLIDE = { width: 1280, height: 720, scale: 2 } as const;

/**
 * The deck's slides as Chromium lays them out for `slides.pdf`, measured (see measure.ts); the
 * boxes that cannot be PowerPoint objects (the logo, a drawing) photographed in place.
 */
export async function measureDeck(context: RenderContext, printHtml: string): Promise<{ slides: SlideModel[]; blocked: string[] }> {
  const { result, blocked } = await context.inspect(printHtml, 'slide layout', SLIDE, async (page) => {
    const measured = await page.evaluate(measureSlides, 'div.marpit > section');
    const sections = await page.$$('div.marpit > section');
    const slides: SlideModel[] = [];
    for (const [i, { snapshots, ...slide }] of measured.entries()) {
      const pictures: { at: number; shape: PictureShape }[] = [];
      for (const snapshot of snapshots) {
        const png = await sections[i]!.screenshot({ type: 'png', clip: { x: snapshot.x, y: snapshot.y, width: snapshot.w, height: snapshot.h } });
        pictures.push({
          at: snapshot.at,
          shape: {
            kind: 'picture',
            x: snapshot.x,
            y: snapshot.y,
            w: snapshot.w,
            h: snapshot.h,
            alt: snapshot.alt,
            data: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
          },
        });
      }
      slides.push({ ...slide, shapes: withPictures(slide.shapes, pictures) });
    }
    await Promise.all(sections.map((section) => section.dispose()));
    return slides;
  });
  return { slides: result, blocked };
}

/** The photographed pictures put back where they stood among the shapes (what is drawn later lies on top). */
function withPictures(shapes: readonly Shape[], pictures: readonly { at: number; shape: PictureShape }[]): Shape[] {
  const merged: Shape[] = [];
  shapes.forEach((shape, i) => {
    for (const picture of pictures) if (picture.at === i) merged.push(picture.shape);
    merged.push(shape);
  });
  for (const picture of pictures) if (picture.at >= shapes.length) merged.push(picture.shape);
  return merged;
}

/** The brand as the slide masters wear it: colours from brand.yaml, the bar and title as the theme lays them out. */
export function brandLook(slides: readonly SlideModel[], brand: { colors: Record<string, string>; font: { family: string } }): BrandLook {
  const hex = (css: string | undefined, fallback: string) => (css && /^#[0-9a-f]{6}$/i.test(css) ? css.slice(1).toUpperCase() : fallback);
  const c = brand.colors;
  const primary = hex(c.primary, '1D4E89');
  const content = slides.find((slide) => slide.kind === 'content');
  const title = slides.find((slide) => slide.kind === 'title');
  const heading = content?.shapes.find((shape) => shape.kind === 'text' && shape.role === 'title');
  const size = heading?.kind === 'text' ? (heading.paragraphs[0]?.runs[0]?.size ?? 50) : 50;
  return {
    font: brand.font.family,
    primary,
    accent: hex(c.accent, '0F7B6C'),
    text: hex(c.text, '1A1A1A'),
    muted: hex(c.muted, '4A5561'),
    surface: hex(c.surface, 'EEF3F9'),
    colors: {
      dk1: hex(c.text, '1A1A1A'),
      lt1: 'FFFFFF',
      dk2: primary,
      lt2: hex(c.surface, 'EEF3F9'),
      accent1: primary,
      accent2: hex(c.accent, '0F7B6C'),
      accent3: hex(c.notice_border, 'B7791F'),
      accent4: hex(c.notice, 'FFF3D6'),
      accent5: hex(c.muted, '4A5561'),
      accent6: hex(c.surface, 'EEF3F9'),
      hlink: primary,
      folHlink: hex(c.muted, '4A5561'),
    },
    bar: { title: title?.bar.height ?? 24, content: content?.bar.height ?? 14 },
    title: heading ? { x: heading.x, y: heading.y, w: heading.w, h: heading.h, size } : { x: 72, y: 70, w: 1136, h: 68, size },
  };
}
