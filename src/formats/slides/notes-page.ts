import { stringifyEntities } from 'stringify-entities';
import { contentSecurityPolicy } from '../../templates/csp.js';
import { ASSET_ORIGIN } from '../../templates/fonts.js';
import { cssString } from '../../templates/liquid.js';
import { pageCounter } from '../handout/page.js';
import type { PageData } from '../page-data.js';
import { margins, mm, PAPER_MM, type Paper } from '../paper.js';
import type { Deck } from './deck.js';
import { scriptFont } from './pages.js';

const MARGINS = [14, 15, 20, 15] as const;

export interface NotesPageInput {
  /** Language, direction, fonts, brand and template text of the document. */
  data: PageData;
  title: string;
  deck: Deck;
  paper: Paper;
}

/**
 * Pure: the page printed to `slides-notes.pdf`: one portrait page per slide, the slide itself
 * (its real HTML, scaled, so its text stays text in the tagged PDF) and its speaker notes below,
 * with the brand's running footer. For handing out after the talk.
 */
export function notesPage(input: NotesPageInput): string {
  const { deck, data } = input;
  const { t, brand, fonts } = data;
  const widthPx = ((PAPER_MM[input.paper][0] - MARGINS[1] - MARGINS[3]) * 96) / 25.4;
  const zoom = Math.floor((widthPx / 1280) * 1000) / 1000;
  const pages = deck.rendered.slides.map((slide, i) => {
    const notes = deck.notes[i]?.trim();
    return `<article class="notes-page">
<div class="frame" aria-label="${attribute(`${i + 1} / ${deck.slideCount}`)}"><div class="marpit">${slide}</div></div>
<section class="notes" aria-label="${attribute(t.notes_label)}">${notes || ''}</section>
</article>`;
  });
  const footer = `${brand.clinic} · ${input.title} · ${t.notes_label}`;
  const font = `9pt ${fonts.stack}`;
  // The running footer is mirrored for a language written right to left, as the handout's is.
  const [start, end] = data.dir === 'rtl' ? ['right', 'left'] : ['left', 'right'];
  return `<!doctype html>
<html lang="${attribute(data.lang)}" dir="${data.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ fonts: ASSET_ORIGIN })}">
<title>${stringifyEntities(input.title, { escapeOnly: true })}</title>
<style>
${fonts.linked}
${deck.rendered.css}
${scriptFont(fonts)}
@page {
  size: ${mm(PAPER_MM[input.paper][0])} ${mm(PAPER_MM[input.paper][1])};
  margin: ${margins(MARGINS)};
  @bottom-${start} { content: ${cssString(footer)}; font: ${font}; color: ${brand.colors.muted}; }
  @bottom-${end} { content: ${pageCounter(t.page_of)}; font: ${font}; color: ${brand.colors.muted}; }
}
html, body { margin: 0; font-family: ${fonts.stack}; color: ${brand.colors.text}; }
.notes-page { break-after: page; page-break-after: always; }
.notes-page:last-child { break-after: auto; page-break-after: auto; }
/* The slide at its own size, scaled to the page's width: layout and text as in the deck. */
.frame { zoom: ${zoom}; width: 1280px; height: 720px; outline: 2px solid #c5ced8; }
.frame div.marpit > section { position: relative; }
.notes { font-size: 12.5pt; line-height: 1.45; margin-top: 8mm; }
.notes p { margin: 0 0 6pt; }
</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}

function attribute(text: string): string {
  return stringifyEntities(text, { escapeOnly: true, subset: ['"', '&', '<', '>'] });
}
