import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stringifyEntities } from 'stringify-entities';
import type { TemplateSet } from '../../templates/brand.js';
import { contentSecurityPolicy } from '../../templates/csp.js';
import { cssString } from '../../templates/liquid.js';
import { ASSET_ORIGIN } from '../../templates/fonts.js';
import type { RenderedDeck } from './marp.js';

/** The navigation script shipped with the tool; read once when this module loads. */
const NAVIGATE = readFileSync(new URL('./client/navigate.js', import.meta.url), 'utf8');

export interface DeckPageInput {
  lang: string;
  title: string;
  deck: RenderedDeck;
  notes: readonly string[];
  templates: TemplateSet;
  notesLabel: string;
}

const PRINT_CSS = `
@page { size: 1280px 720px; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
div.marpit > section { break-after: page; page-break-after: always; }
div.marpit > section:last-child { break-after: auto; page-break-after: auto; }`;

const PRESENT_CSS = `
html, body { margin: 0; background: #2b2f36; }
div.marpit { display: flex; flex-direction: column; align-items: center; gap: 24px; padding: 24px 0; }
.deck-notes { display: none; }
html.presenting, html.presenting body { height: 100%; overflow: hidden; background: #000; }
html.presenting div.marpit { display: block; padding: 0; }
html.presenting div.marpit > section { display: none; position: absolute; left: 50%; top: 50%;
  transform: translate(-50%, -50%) scale(var(--deck-scale, 1)); }
html.presenting div.marpit > section.active { display: flex; }
html.show-notes .deck-notes { display: block; position: fixed; left: 0; right: 0; bottom: 0; max-height: 40%;
  overflow: auto; background: #fffbe6; color: #1a1a1a; font: 20px/1.4 var(--brand-font), sans-serif; padding: 12px 24px; }
.deck-notes > aside { display: none; }
.deck-notes > aside.active { display: block; }`;

function head(input: DeckPageInput, extra: string, csp: string, fontCss: string): string {
  return `<!doctype html>
<html lang="${escapeAttribute(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeText(input.title)}</title>
<style>
${fontCss}
${input.deck.css}
${extra}
</style>
</head>`;
}

/** Pure: the deck to present from: self-contained, one slide at a time, speaker notes with N. */
export function presentPage(input: DeckPageInput): string {
  const hash = createHash('sha256').update(NAVIGATE).digest('base64');
  const csp = contentSecurityPolicy({ scriptHash: hash });
  const notes = input.notes
    .map((html, i) => `<aside id="notes-${i + 1}" data-slide="${i + 1}">${html}</aside>`)
    .join('\n');
  const brandFont = `html { --brand-font: ${cssString(input.templates.brand.font.family)}; }`;
  return `${head(input, brandFont + PRESENT_CSS, csp, input.templates.fonts.inline)}
<body>
${input.deck.html}
<div class="deck-notes" role="complementary" aria-label="${escapeAttribute(input.notesLabel)}">
${notes}
</div>
<script>${NAVIGATE}</script>
</body>
</html>
`;
}

/** Pure: the page printed to `slides.pdf`: one slide per 1280x720 page, no script, no notes. */
export function printPage(input: DeckPageInput): string {
  const csp = contentSecurityPolicy({ fonts: ASSET_ORIGIN });
  return `${head(input, PRINT_CSS, csp, input.templates.fonts.linked)}
<body>
${input.deck.html}
</body>
</html>
`;
}

function escapeText(text: string): string {
  return stringifyEntities(text, { escapeOnly: true });
}

function escapeAttribute(text: string): string {
  return stringifyEntities(text, { escapeOnly: true, subset: ['"', '&', '<', '>'] });
}
