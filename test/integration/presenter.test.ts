import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type BrowserContext, type HTTPRequest, type KeyInput, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDeck } from '../../src/formats/slides/deck.js';
import { fill } from '../../src/templates/strings.js';
import { FRONT, prepare } from '../helpers/docs.js';
import { templates } from '../helpers/templates.js';

/**
 * `slides.html` as a clinician uses it: copied alone to a laptop and opened from file://, driven
 * by keys, clicks and a second (presenter) window, with the real Chromium of the test run.
 */
const source = `${FRONT}
Welcome, everyone.

## Alpha section

Alpha notes, said aloud.

- alpha point

## Beta section

Beta notes, said aloud.

- beta point

## Gamma section

Gamma notes, said aloud.

- gamma point
`;
/** The deck's slides in order: title, one per section, closing. */
const SLIDES = ['Test condition handout', 'Alpha section', 'Beta section', 'Gamma section', 'Sources and more information'];
const t = templates.strings.en!;

/**
 * The page's state as one JSON string: the address's hash and the heading of every slide that is
 * displayed, left to right. Evaluated as a string, so nothing the test runner adds to compiled
 * functions reaches the page.
 */
const STATE = `JSON.stringify({
  hash: location.hash,
  shown: [...document.querySelectorAll('div.marpit > section')]
    .filter((s) => getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().width > 0)
    .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
    .map((s) => s.querySelector('h1, h2').textContent),
})`;

/** Waits (polling, a few seconds at most) for a page to show `shown` at `#slide`, then asserts it. */
async function expectSlide(page: Page, slide: number, shown: string[] = [SLIDES[slide - 1]!]): Promise<void> {
  const want = { hash: `#${slide}`, shown };
  await page.waitForFunction(`${STATE} === ${JSON.stringify(JSON.stringify(want))}`, { polling: 50, timeout: 20_000 }).catch(() => undefined);
  expect(JSON.parse((await page.evaluate(STATE)) as string)).toEqual(want);
}

/** Text of the first element matching `selector` that is displayed, or null. */
const shownText = (page: Page, selector: string) =>
  page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .filter((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0)
    .map((e) => e.innerText.trim())[0] ?? null`) as Promise<string | null>;

let browser: Browser;
let dir: string;
let deckUrl: string;
let presentHtml: string;

beforeAll(async () => {
  const doc = prepare('content/talk.md', { 'content/talk.md': source }).document!;
  presentHtml = buildDeck(doc, templates, t).presentHtml;
  dir = mkdtempSync(path.join(tmpdir(), 'handouts-presenter-'));
  writeFileSync(path.join(dir, 'slides.html'), presentHtml);
  deckUrl = pathToFileURL(path.join(dir, 'slides.html')).href;
  browser = await puppeteer.connect({ browserWSEndpoint: inject('browserEndpoint'), defaultViewport: { width: 1280, height: 720 } });
});

afterAll(async () => {
  await browser?.disconnect();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh incognito context whose pages are watched: every request other than the deck's own
 * file:// document (or a data: URL) is recorded and refused, and every console error or uncaught
 * exception is recorded (a Content-Security-Policy violation is a console error).
 */
async function session() {
  const context: BrowserContext = await browser.createBrowserContext();
  const requests: string[] = [];
  const errors: string[] = [];
  const watch = async (page: Page, name: string) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${name}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${name}: ${String(error)}`));
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      const ownDocument = request.isNavigationRequest() && url.replace(/(\?presenter)?(#.*)?$/, '') === deckUrl;
      if (ownDocument || url.startsWith('data:')) return void request.continue();
      requests.push(`${name}: ${url}`);
      return void request.abort();
    });
    return page;
  };
  const open = async (hash = '') => {
    const page = await watch(await context.newPage(), 'audience');
    await page.goto(deckUrl + hash, { waitUntil: 'load' });
    return page;
  };
  const nothingLeft = () => expect({ requests, errors }).toEqual({ requests: [], errors: [] });
  return { context, watch, open, nothingLeft, close: () => context.close() };
}

describe('slides.html on its own, from file://', () => {
  it('allows nothing but the one inlined script, inline styles and data: images and fonts', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(presentHtml)?.[1];
    const scripts = [...presentHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    expect(csp).toBe(`default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'sha256-${hash}'`);
    // Links to sources are kept (never followed by the deck); nothing is loaded from anywhere but data:.
    expect(presentHtml).not.toMatch(/\ssrc="(?!data:)/);
    expect(presentHtml).not.toMatch(/url\((?!data:)/);
  });

  it('moves with every navigation key and keeps the slide number in the address', async () => {
    const s = await session();
    try {
      const page = await s.open();
      await expectSlide(page, 1);
      const steps: [KeyInput, number][] = [
        ['ArrowRight', 2],
        ['ArrowDown', 3],
        ['Space', 4],
        ['PageDown', 5],
        ['ArrowRight', 5],
        ['ArrowLeft', 4],
        ['ArrowUp', 3],
        ['PageUp', 2],
        ['Backspace', 1],
        ['ArrowLeft', 1],
        ['Enter', 2],
        ['End', 5],
        ['Home', 1],
      ];
      for (const [key, slide] of steps) {
        await page.keyboard.press(key);
        await expectSlide(page, slide);
      }
      // A number, then Enter: that slide; past the end, the last one; digits alone move nothing.
      await page.keyboard.press('4');
      await expectSlide(page, 1);
      await page.keyboard.press('Enter');
      await expectSlide(page, 4);
      for (const key of ['1', '2', 'Enter'] as const) await page.keyboard.press(key);
      await expectSlide(page, 5);
      for (const key of ['2', 'Enter'] as const) await page.keyboard.press(key);
      await expectSlide(page, 2);
      // Backspace moved back a slide above, and did not leave the deck.
      expect(page.url().startsWith(deckUrl)).toBe(true);
      s.nothingLeft();
    } finally {
      await s.close();
    }
  });

  it('moves on a click (right two thirds next, left third previous) and a swipe', async () => {
    const s = await session();
    try {
      const page = await s.open('#2');
      await expectSlide(page, 2);
      await page.mouse.click(1200, 360);
      await expectSlide(page, 3);
      await page.mouse.click(500, 360); // just right of the first third
      await expectSlide(page, 4);
      await page.mouse.click(100, 360);
      await expectSlide(page, 3);
      await page.mouse.click(400, 600); // just left of 1280 / 3
      await expectSlide(page, 2);
      // A swipe to the left is the next slide, to the right the previous one. Each starts and ends
      // where a tap would have done the opposite, so only the swipe can pass.
      await page.touchscreen.touchStart(400, 360);
      await page.touchscreen.touchMove(40, 380);
      await page.touchscreen.touchEnd();
      await expectSlide(page, 3);
      await page.touchscreen.touchStart(880, 360);
      await page.touchscreen.touchMove(1240, 340);
      await page.touchscreen.touchEnd();
      await expectSlide(page, 2);
      s.nothingLeft();
    } finally {
      await s.close();
    }
  });

  it('keeps the slide on a reload and follows an edited hash', async () => {
    const s = await session();
    try {
      const page = await s.open('#3');
      await expectSlide(page, 3);
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, 4);
      await page.reload({ waitUntil: 'load' });
      await expectSlide(page, 4);
      await page.goto(`${deckUrl}#2`);
      await expectSlide(page, 2);
      await page.evaluate(`location.hash = '#5'`);
      await expectSlide(page, 5);
      // Out of range or not a number: the nearest slide, and the address says which.
      await page.evaluate(`location.hash = '#99'`);
      await expectSlide(page, 5);
      await page.evaluate(`location.hash = '#intro'`);
      await expectSlide(page, 1);
      s.nothingLeft();
    } finally {
      await s.close();
    }
  });

  it('lists every key with ?, in the template text, and closes the list with Escape', async () => {
    const s = await session();
    try {
      const page = await s.open('#2');
      expect(await shownText(page, '.deck-help')).toBeNull();
      await page.keyboard.press('?');
      const help = await shownText(page, '.deck-help');
      expect(help).not.toBeNull();
      const lines = help!
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      expect(lines[0]).toBe(t.help_title);
      // Each row: its keys, then what they do (the table's cells are tab-separated).
      const rows = lines.slice(1, -1);
      expect(rows).toEqual([
        `→ ↓ ${t.key_space} ${t.key_page_down} ${t.key_enter} ${t.help_next}`,
        `← ↑ ${t.key_page_up} ${t.key_backspace} ${t.help_previous}`,
        `${t.key_home} ${t.help_first}`,
        `${t.key_end} ${t.help_last}`,
        `0–9 ${t.key_enter} ${t.help_jump}`,
        `F ${t.help_fullscreen}`,
        `N ${t.help_notes}`,
        `P ${t.help_presenter}`,
        `T ${t.help_timer}`,
        `? ${t.help_help}`,
        `${t.key_escape} ${t.help_close}`,
      ]);
      expect(lines.at(-1)).toBe(t.help_pointer.replace(/\s+/g, ' '));
      expect(await page.evaluate(`document.activeElement.className`)).toBe('deck-help');
      await page.keyboard.press('Escape');
      expect(await shownText(page, '.deck-help')).toBeNull();
      await expectSlide(page, 2);
      s.nothingLeft();
    } finally {
      await s.close();
    }
  });

  it('toggles full screen with F, and the notes under the slide with N', async () => {
    const s = await session();
    try {
      const page = await s.open('#2');
      // What is asserted is the Fullscreen API's own state: this headless Chromium grants the
      // request made from a real (CDP-dispatched, trusted) key press and reports the element, as
      // a desktop browser does; no physical screen changes here.
      expect(await page.evaluate(`document.fullscreenElement === null`)).toBe(true);
      await page.keyboard.press('f');
      await page.waitForFunction(`document.fullscreenElement === document.documentElement`, { polling: 50, timeout: 20_000 });
      await page.keyboard.press('f');
      await page.waitForFunction(`document.fullscreenElement === null`, { polling: 50, timeout: 20_000 });
      expect(await shownText(page, '.deck-notes')).toBeNull();
      await page.keyboard.press('n');
      expect(await shownText(page, '.deck-notes')).toBe('Alpha notes, said aloud.');
      await page.keyboard.press('ArrowRight');
      expect(await shownText(page, '.deck-notes')).toBe('Beta notes, said aloud.');
      await page.keyboard.press('n');
      expect(await shownText(page, '.deck-notes')).toBeNull();
      s.nothingLeft();
    } finally {
      await s.close();
    }
  });
});

describe('the presenter view (P)', () => {
  it('opens the same file in a second window, and each window follows the other', async () => {
    const s = await session();
    try {
      const audience = await s.open('#2');
      await expectSlide(audience, 2);
      const opened = s.context.waitForTarget((target) => target.url().includes('?presenter'), { timeout: 10_000 });
      await audience.keyboard.press('p');
      const presenter = await s.watch((await (await opened).page())!, 'presenter');
      expect(presenter.url()).toBe(`${deckUrl}?presenter#2`);
      // The window opens before the test can watch it; reloaded once under watch, everything the
      // presenter view loads is seen. It stays the audience window's partner (its opener).
      await presenter.reload({ waitUntil: 'load' });

      // The current slide on the left and the next one on the right, both scaled down.
      await expectSlide(presenter, 2, ['Alpha section', 'Beta section']);
      const widths = (await presenter.evaluate(`[...document.querySelectorAll('section.active, section.next')]
        .map((s) => Math.round(s.getBoundingClientRect().width))`)) as number[];
      expect(widths[0]).toBeLessThan(1280);
      expect(widths[1]).toBeLessThan(widths[0]!);
      expect(await shownText(presenter, '.deck-notes > aside')).toBe('Alpha notes, said aloud.');
      const notesSize = await presenter.evaluate(`parseFloat(getComputedStyle(document.querySelector('.deck-notes aside.active')).fontSize)`);
      expect(notesSize).toBeGreaterThanOrEqual(24);
      expect(await shownText(presenter, '.deck-counter')).toBe(fill(t.slide_of, { page: 2, pages: 5 }));
      expect(await presenter.title()).toBe(`${t.presenter_title} · Test condition handout`);

      // mm:ss since the view opened, advancing; T starts it again.
      expect(await shownText(presenter, '.deck-timer')).toMatch(/^00:0[0-1]$/);
      await presenter.waitForFunction(`document.querySelector('.deck-timer').textContent !== '00:00'`, { polling: 50, timeout: 20_000 });
      expect(await shownText(presenter, '.deck-timer')).toMatch(/^00:0[1-9]$/);
      await presenter.keyboard.press('t');
      expect(await shownText(presenter, '.deck-timer')).toBe('00:00');

      // Driven from the presenter window, the audience follows; and the other way round.
      await presenter.keyboard.press('ArrowRight');
      await expectSlide(presenter, 3, ['Beta section', 'Gamma section']);
      await expectSlide(audience, 3);
      expect(await shownText(presenter, '.deck-notes > aside')).toBe('Beta notes, said aloud.');
      expect(await shownText(presenter, '.deck-counter')).toBe(fill(t.slide_of, { page: 3, pages: 5 }));
      await audience.keyboard.press('ArrowLeft');
      await expectSlide(audience, 2);
      await expectSlide(presenter, 2, ['Alpha section', 'Beta section']);
      await audience.mouse.click(1200, 360);
      await expectSlide(presenter, 3, ['Beta section', 'Gamma section']);
      await presenter.keyboard.press('End');
      await expectSlide(presenter, 5);
      await expectSlide(audience, 5);
      expect(await shownText(presenter, '.deck-end')).toBe(t.presenter_end);

      // Closed, the presenter view leaves the audience window to go on alone.
      await presenter.close();
      await audience.keyboard.press('Home');
      await expectSlide(audience, 1);
      s.nothingLeft();
    } finally {
      await s.close();
    }
  });
});
