import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { ResolveAsset } from '../../src/core/lookups.js';
import { buildDeck } from '../../src/formats/slides/deck.js';
import { renderMarp } from '../../src/formats/slides/marp.js';
import { deckMarkdown } from '../../src/formats/slides/markdown.js';
import { planDeck } from '../../src/formats/slides/split.js';
import { themeClasses, themeLayouts } from '../../src/templates/theme-classes.js';
import { prepareDocument } from '../../src/transform/prepare.js';
import { FRONT, mapResolver, messages, noAssets, prepare, type Files } from '../helpers/docs.js';
import { templates } from '../helpers/templates.js';

const PICTURE = 'data:image/png;base64,iVBORw0KGgo=';
const assets: ResolveAsset = (url, from) =>
  url === 'img/knee.png' ? { ok: true, dataUrl: PICTURE, file: 'content/img/knee.png', sha256: 'abc' } : noAssets(url, from);

function prepared(body: string, files: Files = {}) {
  return prepare('content/s.md', { ...files, 'content/s.md': `${FRONT}\n${body}` }, assets);
}

/** The deck's slides as elements, parsed from the page people present from. */
function slidesOf(body: string): Element[] {
  const { file, document } = prepared(body);
  expect(messages(file)).toEqual([]);
  return sections(buildDeck(document!, templates, templates.strings.en!).presentHtml);
}

function sections(html: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html) as HastRoot, 'element', (node: Element, _i, parent) => {
    if (node.tagName === 'section' && parent?.type === 'element' && classes(parent).includes('marpit')) found.push(node);
  });
  return found;
}

const classes = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
const children = (node: Element) => node.children.filter((child): child is Element => child.type === 'element');
const text = (node: Element) => toText(node).replace(/\s+/g, ' ').trim();
/** The child elements of a slide (but Marp's footer), each as `tag.class` (`div.columns`), in order. */
const outline = (node: Element) =>
  children(node)
    .filter((child) => child.tagName !== 'footer')
    .map((child) => [child.tagName, ...classes(child)].join('.'));

/** 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('slide layouts', () => {
  it("two-column: the blocks before the section's first `---` on the left, the rest on the right", () => {
    const slides = slidesOf(
      `## Plain\n\n- not laid out\n\n## Care at home\n\n:::slide{layout=two-column}\n:::\n\n- Rest\n- Ice\n\n| Day | Do |\n| --- | --- |\n| 1 | Rest |\n\n---\n\n- Heat\n- Move\n`,
    );
    expect(slides).toHaveLength(4);
    expect(classes(slides[1]!)).toEqual([]);
    expect(classes(slides[2]!)).toEqual(['layout-two-column']);
    expect(outline(slides[2]!)).toEqual(['h2', 'div.columns']);
    const [columns] = children(slides[2]!).slice(1);
    const [left, right] = children(columns!);
    expect(children(columns!).map(classes)).toEqual([['column'], ['column']]);
    expect(outline(left!)).toEqual(['ul', 'table']);
    expect(text(left!)).toContain('Ice');
    expect(outline(right!)).toEqual(['ul']);
    expect(text(right!)).toBe('Heat Move');
  });

  it('two-column: with no `---`, the first half of the blocks (the larger half) on the left; a `---` inside `:::slide` splits too', () => {
    const [, halves, inSlide] = slidesOf(
      `## Halves\n\n:::slide{layout=two-column}\n:::\n\n- one\n- two\n\n| a |\n| - |\n| 1 |\n\n### Sub\n\n- four\n\n## In slide\n\n:::slide{layout=two-column}\nLeft words.\n\n---\n\nRight words.\n:::\n`,
    ).map((slide) => children(children(slide)[1]!));
    expect(halves!.map(outline)).toEqual([
      ['ul', 'table'],
      ['h3', 'ul'],
    ]);
    expect(halves!.map(text)).toEqual(['one two a 1', 'Sub four']);
    expect(inSlide!.map(text)).toEqual(['Left words.', 'Right words.']);
    expect(inSlide!.map(outline)).toEqual([['p'], ['p']]);
  });

  it("image-left and image-right: the section's picture on that side, the rest of its content beside it", () => {
    const body = (layout: string) =>
      `## Where it hurts\n\n:::slide{layout=${layout}}\n:::\n\nSpoken prose.\n\n![The knee from the front](img/knee.png)\n\n- Front of the knee\n- Worse on stairs\n`;
    const [, left] = slidesOf(body('image-left'));
    const [, right] = slidesOf(body('image-right'));
    expect(classes(left!)).toEqual(['layout-image-left']);
    expect(classes(right!)).toEqual(['layout-image-right']);
    for (const [slide, order] of [
      [left!, ['div.media', 'div.text']],
      [right!, ['div.text', 'div.media']],
    ] as const) {
      expect(outline(slide)).toEqual(['h2', 'div.split']);
      const split = children(slide)[1]!;
      expect(outline(split)).toEqual(order);
      const media = children(split).find((child) => classes(child).includes('media'))!;
      const textPart = children(split).find((child) => classes(child).includes('text'))!;
      expect(outline(children(media)[0]!)).toEqual(['img']);
      expect(children(media)[0]!.children.find((c): c is Element => c.type === 'element')!.properties).toMatchObject({
        src: PICTURE,
        alt: 'The knee from the front',
      });
      expect(text(textPart)).toBe('Front of the knee Worse on stairs');
      expect(text(slide)).not.toContain('Spoken prose.');
    }
  });

  it('big-number: the first bold text set large, the rest of its paragraph the caption', () => {
    const [, bold, plain, fromProse] = slidesOf(
      `## How common\n\n:::slide{layout=big-number}\n**1 in 4**: adults have back pain each year.\n:::\n\n` +
        `## Recovery\n\n:::slide{layout=big-number}\n6 weeks\n\nis how long most people take to recover.\n:::\n\n` +
        `## Results\n\n:::slide{layout=big-number}\n:::\n\nIn the trial, **72%** of patients walked further.\n\n- Small trial\n`,
    );
    for (const [slide, figure, caption] of [
      [bold!, '1 in 4', 'adults have back pain each year.'],
      // No bold text: the whole first paragraph is the figure, the next one its caption.
      [plain!, '6 weeks', 'is how long most people take to recover.'],
      // Nothing but a list shown: the first prose paragraph comes onto the slide as the figure's.
      [fromProse!, '72%', 'In the trial, of patients walked further.'],
    ] as const) {
      expect(classes(slide)).toEqual(['layout-big-number']);
      const box = children(slide)[1]!;
      expect(classes(box)).toEqual(['big-number']);
      expect(outline(box)).toEqual(['div.figure', 'div.caption']);
      expect(children(box).map(text)).toEqual([figure, caption]);
    }
    expect(outline(fromProse!)).toEqual(['h2', 'div.big-number', 'ul']);
  });

  it('quote: the first quote in a figure, its dashed last line or paragraph as the attribution', () => {
    const [, line, paragraph, none] = slidesOf(
      `## In their words\n\n:::slide{layout=quote}\n:::\n\n> I walk to the shops again.\n> — A patient, 2025\n\n` +
        `## Again\n\n:::slide{layout=quote}\n:::\n\n> First paragraph.\n>\n> Second paragraph.\n>\n> -- Dr Lee\n\n` +
        `## Unsigned\n\n:::slide{layout=quote}\n:::\n\n> Rest is not always best.\n`,
    );
    for (const [slide, quote, attribution] of [
      [line!, 'I walk to the shops again.', 'A patient, 2025'],
      [paragraph!, 'First paragraph. Second paragraph.', 'Dr Lee'],
    ] as const) {
      expect(classes(slide)).toEqual(['layout-quote']);
      expect(outline(slide)).toEqual(['h2', 'figure.quote']);
      const figure = children(slide)[1]!;
      expect(outline(figure)).toEqual(['blockquote', 'figcaption']);
      expect(text(children(figure)[0]!)).toBe(quote);
      expect(text(children(figure)[1]!)).toMatch(new RegExp(`^(—|--) ${attribution}$`));
    }
    expect(outline(children(none!)[1]!)).toEqual(['blockquote']);
  });

  it('joins a layout to the class the slide has from a directive', () => {
    const [, own, , carried] = slidesOf(
      `## Own\n\n<!-- _class: title -->\n\n:::slide{layout=quote}\n:::\n\n> Words.\n\n## Sets\n\n<!-- class: closing -->\n\n- a\n\n## Carried\n\n:::slide{layout=two-column}\n:::\n\n- b\n`,
    );
    expect(classes(own!)).toEqual(['title', 'layout-quote']);
    expect(classes(carried!)).toEqual(['closing', 'layout-two-column']);
  });

  it("the title slide carries the clinic's logo with its alt text, above the title", () => {
    const { document } = prepared('## One\n\n- a\n');
    const source = deckMarkdown(document!, planDeck(document!.tree), templates.brand, templates.strings.en!, templates.logo);
    const [title, one] = sections(renderMarp(source.markdown, templates.text('slides/theme.css')).html);
    expect(classes(title!)).toEqual(['title']);
    expect(outline(title!).slice(0, 2)).toEqual(['div.logo', 'h1']);
    const img = children(children(children(title!)[0]!)[0]!)[0]!;
    expect(img.tagName).toBe('img');
    expect(img.properties).toMatchObject({ src: templates.logo, alt: templates.brand.logo_alt });
    expect(templates.logo).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(JSON.stringify(one)).not.toContain('logo');
  });
});

describe('checking `:::slide{layout=...}` in transform', () => {
  it("an unknown layout is a located error listing the theme's layouts, and the document is not built", () => {
    const body = `## One\n\n- a\n\n:::slide{layout=three-column}\nShown.\n:::\n`;
    const { file, document } = prepared(body);
    const source = `${FRONT}\n${body}`;
    expect(messages(file)).toEqual([
      {
        rule: 'slide-layout',
        line: lineOf(source, ':::slide{layout=three-column}'),
        column: 1,
        fatal: true,
        file: 'content/s.md',
        reason:
          'Unknown slide layout `three-column`; did you mean `two-column`? (known: big-number, image-left, image-right, quote, two-column; a theme adds one with `section.layout-<name>` rules)',
      },
    ]);
    expect(templates.slideLayouts).toEqual(['big-number', 'image-left', 'image-right', 'quote', 'two-column']);
    expect(document).toBeUndefined();
  });

  it('locates the error in the partial that holds the block', () => {
    const partial = `Some prose.\n\n:::slide{layout=sideways}\n- a\n:::\n`;
    const { file } = prepared(`## One\n\n::include{src="_partials/p.md"}\n`, { 'content/_partials/p.md': partial });
    expect(messages(file)).toMatchObject([{ rule: 'slide-layout', line: 3, column: 1, fatal: true, file: 'content/_partials/p.md' }]);
    expect(messages(file)[0]!.reason).toContain('known: big-number, image-left, image-right, quote, two-column');
  });

  it('takes its layouts from the theme: a theme adds one with `section.layout-<name>` rules', () => {
    const css = `${templates.text('slides/theme.css')}\nsection.layout-timeline .column { display: grid; }\n`;
    expect(themeLayouts(themeClasses(css))).toEqual(['big-number', 'image-left', 'image-right', 'quote', 'timeline', 'two-column']);
    const text = `${FRONT}\n## One\n\n:::slide{layout=timeline}\n- a\n:::\n`;
    const ref = { path: '/project/content/t.md', source: 'content/t.md', slug: 't' };
    const context = { resolveInclude: mapResolver({}), resolveAsset: noAssets, defaultLang: 'en', languages: ['en'], slideClasses: themeClasses(css) };
    expect(prepareDocument(ref, text, { ...context, slideLayouts: themeLayouts(themeClasses(css)) }).file.messages).toEqual([]);
    expect(prepareDocument(ref, text, { ...context, slideLayouts: templates.slideLayouts }).file.messages.map((m) => m.ruleId)).toEqual(['slide-layout']);
  });

  it('any attribute but `layout` is a located warning; the slide is still built with its layout', () => {
    const body = `## One\n\n:::slide{layout=quote #intro .big}\n> Words.\n:::\n`;
    const { file, document } = prepared(body);
    const line = lineOf(`${FRONT}\n${body}`, ':::slide{');
    expect(messages(file).map(({ rule, line, column, fatal, reason }) => ({ rule, line, column, fatal, reason }))).toEqual([
      { rule: 'slide-layout', line, column: 1, fatal: false, reason: '`:::slide` takes only `layout`; `id` was ignored' },
      { rule: 'slide-layout', line, column: 1, fatal: false, reason: '`:::slide` takes only `layout`; `class` was ignored' },
    ]);
    const [, slide] = sections(buildDeck(document!, templates, templates.strings.en!).printHtml);
    expect(classes(slide!)).toEqual(['layout-quote']);
  });

  it('warns about a layout with no slide to lay out, or a second one in the same section', () => {
    const body = `:::slide{layout=quote}\nBefore any section.\n:::\n\n## One\n\n:::slide{layout=quote}\n> a\n:::\n\n:::slide{layout=two-column}\n- b\n:::\n\n:::slide{layout=quote}\n- c\n:::\n`;
    const { file, document } = prepared(body);
    const source = `${FRONT}\n${body}`;
    expect(messages(file).map(({ rule, line, fatal }) => ({ rule, line, fatal }))).toEqual([
      { rule: 'slide-layout', line: lineOf(source, ':::slide{layout=quote}'), fatal: false },
      { rule: 'slide-layout', line: lineOf(source, ':::slide{layout=two-column}'), fatal: false },
    ]);
    expect(messages(file)[1]!.reason).toBe(`This section's slide already has layout \`quote\` (line ${lineOf(source, '> a') - 1}); \`two-column\` was ignored`);
    const [title, one] = sections(buildDeck(document!, templates, templates.strings.en!).printHtml);
    expect(classes(title!)).toEqual(['title']);
    expect(classes(one!)).toEqual(['layout-quote']);
  });
});
