import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stringifyEntities } from 'stringify-entities';
import type { Strings, TemplateSet } from '../../templates/brand.js';
import { contentSecurityPolicy } from '../../templates/csp.js';
import { ASSET_ORIGIN } from '../../templates/fonts.js';
import type { DocumentFonts } from '../../templates/script-fonts.js';
import type { RenderedDeck } from './marp.js';

/** The navigation script shipped with the tool; read once when this module loads. */
const NAVIGATE = readFileSync(new URL('./client/navigate.js', import.meta.url), 'utf8');

export interface DeckPageInput {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** The brand's fonts and the script's (an Arabic deck's text in Noto Sans Arabic, not a fallback). */
  fonts: DocumentFonts;
  deck: RenderedDeck;
  notes: readonly string[];
  templates: TemplateSet;
  notesLabel: string;
  /** The key list (`?`) and the presenter view (`P`), in the document's language. */
  presenting: PresentingText;
}

/** Key names a language may spell its own way; arrows and the letter keys are the same everywhere. */
type KeyName = 'key_space' | 'key_enter' | 'key_page_up' | 'key_page_down' | 'key_backspace' | 'key_home' | 'key_end' | 'key_escape';
type HelpAction =
  | 'help_next'
  | 'help_previous'
  | 'help_first'
  | 'help_last'
  | 'help_jump'
  | 'help_fullscreen'
  | 'help_notes'
  | 'help_presenter'
  | 'help_timer'
  | 'help_help'
  | 'help_close';
export type PresentingText = Pick<
  Strings,
  KeyName | HelpAction | 'help_title' | 'help_pointer' | 'slide_of' | `presenter_${'title' | 'next' | 'end' | 'timer'}`
>;

/**
 * Every key `client/navigate.js` answers to, in the order the key list shows them. A symbol is
 * shown as it is; a `key_` name is looked up in the template text.
 */
const HELP_ROWS: readonly [keys: readonly (KeyName | string)[], action: HelpAction][] = [
  [['→', '↓', 'key_space', 'key_page_down', 'key_enter'], 'help_next'],
  [['←', '↑', 'key_page_up', 'key_backspace'], 'help_previous'],
  [['key_home'], 'help_first'],
  [['key_end'], 'help_last'],
  [['0–9', 'key_enter'], 'help_jump'],
  [['F'], 'help_fullscreen'],
  [['N'], 'help_notes'],
  [['P'], 'help_presenter'],
  [['T'], 'help_timer'],
  [['?'], 'help_help'],
  [['key_escape'], 'help_close'],
];

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
.deck-notes > aside.active { display: block; }
.deck-help:not([hidden]) { position: fixed; inset: 0; z-index: 10; display: flex; align-items: center;
  justify-content: center; background: rgba(0, 0, 0, 0.6); font: 22px/1.4 var(--brand-font), sans-serif; }
.deck-help-box { background: #fff; color: #1a1a1a; padding: 24px 32px; border-radius: 8px; max-width: 960px;
  max-height: 90vh; overflow: auto; }
.deck-help h2 { margin: 0 0 12px; font-size: 30px; }
.deck-help th { text-align: left; font-weight: 400; padding: 4px 24px 4px 0; white-space: nowrap; }
.deck-help p { margin: 12px 0 0; }
.deck-help kbd { display: inline-block; min-width: 1.2em; margin: 0 2px; padding: 0 6px; font: inherit; text-align: center;
  background: #f4f6f8; border: 1px solid #8a94a0; border-bottom-width: 3px; border-radius: 4px; }
.deck-presenter, .deck-end { display: none; }
html.presenter, html.presenter body { background: #1e2127; color: #f4f4f4; }
html.presenter .deck-presenter { display: grid; position: fixed; inset: 0; box-sizing: border-box; padding: 16px;
  gap: 16px; grid-template-columns: 3fr 2fr; grid-template-rows: 11fr 9fr; font: 24px/1.3 var(--brand-font), sans-serif; }
.deck-frame-current { grid-column: 1; grid-row: 1; }
.deck-side { grid-column: 2; grid-row: 1 / span 2; display: flex; flex-direction: column; gap: 12px; min-height: 0; }
.deck-side p { margin: 0; }
.deck-frame-next { aspect-ratio: 16 / 9; }
html.deck-at-end .deck-end { display: flex; height: 100%; align-items: center; justify-content: center;
  border: 2px dashed #6b7280; color: #c7ccd3; }
.deck-counter { font-size: 32px; font-weight: 700; }
.deck-timer { font-size: 64px; font-variant-numeric: tabular-nums; }
.deck-notes-slot { grid-column: 1; grid-row: 2; display: flex; min-height: 0; }
html.presenter .deck-notes { display: block; flex: 1; overflow: auto; background: #fffbe6; color: #1a1a1a;
  font: 30px/1.45 var(--brand-font), sans-serif; padding: 16px 24px; border-radius: 6px; }
html.presenter div.marpit > section { position: fixed; z-index: 1; transform-origin: 0 0; }
html.presenter div.marpit > section.active { display: flex; left: var(--current-x); top: var(--current-y);
  transform: scale(var(--current-scale)); }
html.presenter div.marpit > section.next { display: flex; left: var(--next-x); top: var(--next-y);
  transform: scale(var(--next-scale)); }`;

function head(input: DeckPageInput, extra: string, csp: string, fontCss: string): string {
  return `<!doctype html>
<html lang="${escapeAttribute(input.lang)}" dir="${input.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeText(input.title)}</title>
<style>
${fontCss}
${input.deck.css}
${scriptFont(input.fonts)}
${extra}
</style>
</head>`;
}

/**
 * Pure: the deck to present from, one self-contained file: one slide at a time, speaker notes with
 * N, the key list with ?, and with P the same file opened again as the presenter view.
 */
export function presentPage(input: DeckPageInput): string {
  const hash = createHash('sha256').update(NAVIGATE).digest('base64');
  const csp = contentSecurityPolicy({ scriptHash: hash });
  const notes = input.notes.map((html, i) => `<aside id="notes-${i + 1}" data-slide="${i + 1}">${html}</aside>`).join('\n');
  const brandFont = `html { --brand-font: ${input.fonts.stack}; }`;
  return `${head(input, brandFont + PRESENT_CSS, csp, input.fonts.inline)}
<body>
${input.deck.html}
<div class="deck-notes" role="complementary" aria-label="${escapeAttribute(input.notesLabel)}">
${notes}
</div>
${presenterPanel(input.presenting)}
${helpOverlay(input.presenting)}
<script>${NAVIGATE}</script>
</body>
</html>
`;
}

/** The presenter view's frame, shown only with `?presenter`: the script scales the slides onto its empty frames. */
function presenterPanel(t: PresentingText): string {
  return `<div class="deck-presenter" data-title="${escapeAttribute(t.presenter_title)}">
<div class="deck-frame-current"></div>
<div class="deck-side">
<p class="deck-label">${escapeText(t.presenter_next)}</p>
<div class="deck-frame-next"><p class="deck-end">${escapeText(t.presenter_end)}</p></div>
<p class="deck-counter" data-format="${escapeAttribute(t.slide_of)}"></p>
<p class="deck-timer" role="timer" aria-label="${escapeAttribute(t.presenter_timer)}">00:00</p>
</div>
<div class="deck-notes-slot"></div>
</div>`;
}

/** The key list `?` shows: every key the script answers to, named in the document's language. */
function helpOverlay(t: PresentingText): string {
  const keyName = (key: string) => (key.startsWith('key_') ? t[key as KeyName] : key);
  const rows = HELP_ROWS.map(([keys, action]) => {
    const kbd = keys.map((key) => `<kbd>${escapeText(keyName(key))}</kbd>`).join(' ');
    return `<tr><th scope="row">${kbd}</th><td>${escapeText(t[action])}</td></tr>`;
  });
  return `<div class="deck-help" role="dialog" aria-modal="true" aria-label="${escapeAttribute(t.help_title)}" tabindex="-1" hidden>
<div class="deck-help-box">
<h2>${escapeText(t.help_title)}</h2>
<table>
${rows.join('\n')}
</table>
<p>${escapeText(t.help_pointer)}</p>
</div>
</div>`;
}

/** Pure: the page printed to `slides.pdf`: one slide per 1280x720 page, no script, no notes. */
export function printPage(input: DeckPageInput): string {
  const csp = contentSecurityPolicy({ fonts: ASSET_ORIGIN });
  return `${head(input, PRINT_CSS, csp, input.fonts.linked)}
<body>
${input.deck.html}
</body>
</html>
`;
}

/**
 * The theme sets `--brand-font` to the brand's family on every slide; the deck's own stack (with
 * the script's font after it) replaces it, after the theme and with the same selector.
 */
export function scriptFont(fonts: DocumentFonts): string {
  return `div.marpit > section { --brand-font: ${fonts.stack}; }`;
}

function escapeText(text: string): string {
  return stringifyEntities(text, { escapeOnly: true });
}

function escapeAttribute(text: string): string {
  return stringifyEntities(text, { escapeOnly: true, subset: ['"', '&', '<', '>'] });
}
