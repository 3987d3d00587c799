import { Marp } from '@marp-team/marp-core';

export interface RenderedDeck {
  /** `<div class="marpit">` with one `<section>` per slide. */
  html: string;
  css: string;
  slideCount: number;
}

/**
 * Pure: renders Marp Markdown with the brand's theme. Plain `<section>` elements (no inline SVG
 * wrapper) keep the slides' text simple to tag in PDF, and no Marp browser script is added: the
 * deck page carries only the project's own navigation script.
 */
export function renderMarp(markdown: string, themeCss: string): RenderedDeck {
  const marp = new Marp({ inlineSVG: false, script: false, html: false, math: false, minifyCSS: false });
  marp.themeSet.default = marp.themeSet.add(themeCss);
  const { html, css } = marp.render(markdown);
  const slideCount = (html.match(/<section\b/g) ?? []).length;
  return { html, css, slideCount };
}
