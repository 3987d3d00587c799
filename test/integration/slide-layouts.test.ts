import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import type { ResolveAsset } from '../../src/core/lookups.js';
import { buildDeck } from '../../src/formats/slides/deck.js';
import { renderMarp } from '../../src/formats/slides/marp.js';
import { deckMarkdown } from '../../src/formats/slides/markdown.js';
import { planDeck } from '../../src/formats/slides/split.js';
import { FRONT, messages, noAssets, prepare } from '../helpers/docs.js';
import { templates } from '../helpers/templates.js';

/** An 800x600 picture, so the browser has a real image to fit. */
const PICTURE = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#0f7b6c"/></svg>').toString('base64')}`;
const assets: ResolveAsset = (url, from) =>
  url === 'img/knee.svg' ? { ok: true, dataUrl: PICTURE, file: 'content/img/knee.svg', sha256: 'abc' } : noAssets(url, from);

/** One slide per layout, in this order after the title slide; each with as much as an author would put on it. */
const BODY = `
Intro prose.

## Looking after your back at home

:::slide{layout=two-column}
:::

- Keep moving, gently
- Short walks, several times a day
- Heat for 20 minutes

---

- Avoid bed rest for days
- Lift with your knees
- Ask before returning to sport

## Where the pain starts

:::slide{layout=image-left}
:::

![Diagram of the knee from the front](img/knee.svg)

- At the front of the knee
- Worse on stairs and after sitting

## What the scan shows

:::slide{layout=image-right}
:::

![Diagram of the knee from the side](img/knee.svg)

- The cartilage is thinner
- The bone underneath is healthy

## How common it is

:::slide{layout=big-number}
:::

**1 in 4** adults have low back pain each year.

## In a patient's words

:::slide{layout=quote}
:::

> I walk to the shops again.
> — A patient, 2025
`;

const LAYOUTS = ['two-column', 'image-left', 'image-right', 'big-number', 'quote'] as const;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

interface Measured {
  className: string;
  box: Box;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  /** Elements (but the footer) whose box leaves the slide's. */
  outside: string[];
  fontSize: number;
  parts: Record<string, { box: Box; fontSize: number; text?: Box } | undefined>;
}

/** Every slide's box and its parts' boxes, relative to the slide's top left corner, as the browser laid them out. */
async function measure(page: Page, selectors: Record<string, string>): Promise<Measured[]> {
  return page.evaluate((selectors) => {
    const relative = (rect: DOMRect, origin: DOMRect) => ({
      left: rect.left - origin.left,
      top: rect.top - origin.top,
      right: rect.right - origin.left,
      bottom: rect.bottom - origin.top,
      width: rect.width,
      height: rect.height,
    });
    return Array.from(document.querySelectorAll('div.marpit > section'), (section) => {
      const origin = section.getBoundingClientRect();
      const outside = Array.from(section.querySelectorAll('*'))
        .filter((element) => !element.closest('footer'))
        .filter((element) => {
          const r = element.getBoundingClientRect();
          return r.width > 0 && (r.left < origin.left - 1 || r.top < origin.top - 1 || r.right > origin.right + 1 || r.bottom > origin.bottom + 1);
        })
        .map((element) => element.tagName.toLowerCase());
      const parts = Object.fromEntries(
        Object.entries(selectors).map(([name, selector]) => {
          const element = section.querySelector(selector);
          if (!element) return [name, undefined];
          // The box of the text itself (its line boxes), not of the block that holds it.
          const range = document.createRange();
          range.selectNodeContents(element);
          return [
            name,
            {
              box: relative(element.getBoundingClientRect(), origin),
              fontSize: parseFloat(getComputedStyle(element).fontSize),
              text: relative(range.getBoundingClientRect(), origin),
            },
          ];
        }),
      );
      return {
        className: section.className,
        box: relative(origin, origin),
        scrollWidth: section.scrollWidth,
        scrollHeight: section.scrollHeight,
        clientWidth: section.clientWidth,
        clientHeight: section.clientHeight,
        outside,
        fontSize: parseFloat(getComputedStyle(section).fontSize),
        parts,
      };
    });
  }, selectors);
}

/** Loads a page as the PDF renderer does: no script, the brand's fonts from memory, nothing from anywhere else. */
async function load(page: Page, html: string): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  const onRequest = (request: HTTPRequest) => {
    const font = templates.fonts.files.get(request.url());
    if (font) void request.respond({ status: 200, contentType: 'font/woff2', body: font, headers: { 'Access-Control-Allow-Origin': '*' } });
    else if (request.url().startsWith('data:') || request.url() === 'about:blank') void request.continue();
    else void request.abort('blockedbyclient');
  };
  page.on('request', onRequest);
  try {
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.emulateMediaType('print');
  } finally {
    page.off('request', onRequest);
    await page.setRequestInterception(false);
  }
}

const SELECTORS = {
  left: '.columns > .column:first-child',
  right: '.columns > .column:last-child',
  image: '.split .media img',
  text: '.split .text',
  figure: '.big-number .figure p',
  caption: '.big-number .caption',
  quote: '.quote blockquote',
  quoteLine: '.quote blockquote p',
  attribution: '.quote figcaption',
  logo: '.logo img',
  title: 'h1',
};

describe('slide layouts in the browser (the 1280x720 slides as printed)', () => {
  const manager = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  let slides: Measured[];
  const slide = (layout: (typeof LAYOUTS)[number]) => slides[LAYOUTS.indexOf(layout) + 1]!;
  const part = (layout: (typeof LAYOUTS)[number], name: keyof typeof SELECTORS) => {
    const found = slide(layout).parts[name];
    expect(found, `${name} on the ${layout} slide`).toBeDefined();
    return found!;
  };

  beforeAll(async () => {
    const { file, document } = prepare('content/layouts.md', { 'content/layouts.md': `${FRONT}${BODY}` }, assets);
    expect(messages(file)).toEqual([]);
    const deck = buildDeck(document!, templates, templates.strings.en!);
    slides = await manager.withPage(async (page) => {
      await load(page, deck.printHtml);
      return measure(page, SELECTORS);
    });
  });
  afterAll(() => manager.dispose());

  it('gives each layout its own slide, 1280x720, with nothing outside it', () => {
    expect(slides.map((s) => s.className)).toEqual(['title', ...LAYOUTS.map((layout) => `layout-${layout}`), 'closing']);
    for (const [i, measured] of slides.entries()) {
      expect(measured.box, `slide ${i + 1}`).toMatchObject({ width: 1280, height: 720 });
      expect(measured.scrollHeight, `slide ${i + 1} overflows`).toBeLessThanOrEqual(measured.clientHeight + 1);
      expect(measured.scrollWidth, `slide ${i + 1} overflows`).toBeLessThanOrEqual(measured.clientWidth + 1);
      expect(measured.outside, `slide ${i + 1}: elements outside the slide`).toEqual([]);
    }
  });

  it('two-column: the columns sit side by side, tops level, each inside the slide', () => {
    const left = part('two-column', 'left').box;
    const right = part('two-column', 'right').box;
    expect(left.right).toBeLessThanOrEqual(right.left);
    expect(right.left - left.right).toBeGreaterThanOrEqual(24);
    expect(Math.abs(left.top - right.top)).toBeLessThanOrEqual(2);
    // Both hold text, and share the width rather than one taking it all.
    for (const column of [left, right]) {
      expect(column.width).toBeGreaterThan(400);
      expect(column.height).toBeGreaterThan(100);
      expect(column.left).toBeGreaterThanOrEqual(0);
      expect(column.right).toBeLessThanOrEqual(1280);
      expect(column.bottom).toBeLessThanOrEqual(720);
    }
  });

  it('image-left and image-right: the picture beside the text, on its side', () => {
    for (const layout of ['image-left', 'image-right'] as const) {
      const image = part(layout, 'image').box;
      const text = part(layout, 'text').box;
      expect(image.width, `${layout}: the picture is shown`).toBeGreaterThan(300);
      expect(image.height).toBeGreaterThan(200);
      // Beside each other: their heights overlap, so the text is not under the picture.
      expect(Math.min(image.bottom, text.bottom) - Math.max(image.top, text.top)).toBeGreaterThan(0);
      if (layout === 'image-left') expect(image.right).toBeLessThanOrEqual(text.left);
      else expect(text.right).toBeLessThanOrEqual(image.left);
    }
  });

  it('big-number: the figure set far larger than the body text, with its caption under it', () => {
    const body = slide('big-number').fontSize;
    const figure = part('big-number', 'figure');
    const caption = part('big-number', 'caption');
    expect(body).toBe(38);
    expect(figure.fontSize).toBeGreaterThanOrEqual(3 * body);
    expect(figure.fontSize).toBeGreaterThan(2.5 * caption.fontSize);
    expect(caption.box.top).toBeGreaterThanOrEqual(figure.box.bottom - 1);
    // Centred on the slide.
    expect(Math.abs((figure.text!.left + figure.text!.right) / 2 - 640)).toBeLessThanOrEqual(12);
  });

  it('quote: the quote set large and centred, its attribution under it', () => {
    const body = slide('quote').fontSize;
    const quote = part('quote', 'quote');
    const line = part('quote', 'quoteLine');
    const attribution = part('quote', 'attribution');
    expect(quote.fontSize).toBeGreaterThanOrEqual(1.3 * body);
    // The words' own line box is centred, not just the block that holds them.
    expect(line.text!.width).toBeLessThan(900);
    expect(Math.abs((line.text!.left + line.text!.right) / 2 - 640)).toBeLessThanOrEqual(12);
    expect(attribution.box.top).toBeGreaterThanOrEqual(quote.box.bottom);
    expect(attribution.fontSize).toBeLessThan(quote.fontSize);
  });
});

describe('the clinic logo on the title slide, in the browser', () => {
  const manager = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  afterAll(() => manager.dispose());

  it('is shown inside the title slide, above the title', async () => {
    const { document } = prepare('content/layouts.md', { 'content/layouts.md': `${FRONT}${BODY}` }, assets);
    // The title slide as deckMarkdown writes it with the logo, in the theme, as Marp renders it.
    const source = deckMarkdown(document!, planDeck(document!.tree), templates.brand, templates.strings.en!, templates.logo);
    const deck = renderMarp(source.markdown, templates.text('slides/theme.css'));
    const [title] = await manager.withPage(async (page) => {
      await load(page, `<!doctype html><html><head><style>${deck.css}</style></head><body>${deck.html}</body></html>`);
      return measure(page, SELECTORS);
    });
    expect(title!.className).toBe('title');
    const logo = title!.parts.logo!.box;
    const heading = title!.parts.title!.box;
    expect(logo.width).toBeGreaterThan(40);
    expect(logo.height).toBeGreaterThan(40);
    expect(logo.left).toBeGreaterThanOrEqual(0);
    expect(logo.top).toBeGreaterThanOrEqual(0);
    expect(logo.right).toBeLessThanOrEqual(1280);
    expect(logo.bottom).toBeLessThanOrEqual(heading.top);
    expect(title!.outside).toEqual([]);
  });
});
