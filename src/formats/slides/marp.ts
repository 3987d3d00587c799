import { Marp } from '@marp-team/marp-core';
import { remember } from '../../core/memo.js';

export interface RenderedDeck {
  /** `<div class="marpit">` with one `<section>` per slide. */
  html: string;
  /** Each slide's `<section>` alone (wrap it in `<div class="marpit">` for the theme to apply). */
  slides: string[];
  css: string;
  slideCount: number;
}

/**
 * Pure (the memoised instance holds no state between renders): renders Marp Markdown with the brand's theme. Plain `<section>` elements (no inline SVG
 * wrapper) keep the slides' text simple to tag in PDF, and no Marp browser script is added: the
 * deck page carries only the project's own navigation script.
 */
export function renderMarp(markdown: string, themeCss: string): RenderedDeck {
  const { html: slides, css } = marpFor(themeCss).render(markdown, { htmlAsArray: true });
  return { html: `<div class="marpit">${slides.join('')}</div>`, slides, css, slideCount: slides.length };
}

/**
 * Marp with the theme's CSS packed once for each set of pack options. Marpit runs the whole theme
 * through PostCSS for every deck, though the result changes only with the options and the deck's
 * own `<style>` blocks (which are part of the key); it was half of the time spent in Marp.
 */
class DeckMarp extends Marp {
  private readonly packed = new Map<string, string>();

  protected override renderStyle(theme?: string): string {
    const key = `${theme ?? ''}\0${JSON.stringify(this.themeSetPackOptions())}`;
    return remember(this.packed, key, 50, () => super.renderStyle(theme));
  }
}

/** One Marp instance per theme: parsing the theme is the costly part, and a build has one theme. */
let cached: { themeCss: string; marp: DeckMarp } | undefined;

function marpFor(themeCss: string): Marp {
  if (cached?.themeCss !== themeCss) {
    // `html: true` is safe here only because deckMarkdown hands Marp nothing but sanitised HTML and
    // the tool's own directives; content never reaches Marp as Markdown.
    const marp = new DeckMarp({ inlineSVG: false, script: false, html: true, math: false, minifyCSS: false });
    marp.themeSet.default = marp.themeSet.add(themeCss);
    cached = { themeCss, marp };
  }
  return cached.marp;
}
