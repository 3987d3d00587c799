import { describe, expect, it } from 'vitest';
import type { ResolveAsset } from '../../src/core/lookups.js';
import { buildDeck } from '../../src/formats/slides/deck.js';
import { FRONT, messages, noAssets, prepare } from '../helpers/docs.js';
import { templates } from '../helpers/templates.js';

const DOT = 'data:image/png;base64,iVBORw0KGgo=';
const assets: ResolveAsset = (url, from) => {
  if (url === 'img/dot.png') return { ok: true, dataUrl: DOT, file: 'content/img/dot.png', sha256: 'abc' };
  if (/^https?:/.test(url)) return { ok: false, reason: 'remote', detail: `Image \`${url}\` is not a file in the content folder` };
  return noAssets(url, from);
};

function deckOf(body: string) {
  const { file, document } = prepare('content/s.md', { 'content/s.md': `${FRONT}\n${body}` }, assets);
  return { file, deck: document && buildDeck(document, templates, templates.strings.en!) };
}

/** Slides get the handout's sanitiser and rules, wherever the HTML sits. */
describe('content on slides is sanitised like the handout', () => {
  const hostile = `## Section

:::slide
<style>section.closing blockquote{display:none} h2{color:#bada55}</style>
:::

- a list item <b onclick="steal()">bold</b> <abbr title="multiple sclerosis">MS</abbr>
- <img src="https://tracker.example/pixel.png">

> a quote <span style="background:url(https://tracker.example/q.png)">styled</span>
`;

  it('drops <style>, handlers and outside URLs from the deck, and keeps the safe subset', () => {
    const { deck } = deckOf(hostile);
    for (const html of [deck!.presentHtml, deck!.printHtml]) {
      expect(html).not.toContain('#bada55');
      expect(html).not.toContain('section.closing blockquote{display:none}');
      expect(html).not.toContain('onclick');
      expect(html).not.toContain('tracker.example');
      expect(html).toContain('<abbr title="multiple sclerosis">MS</abbr>');
      expect(html).toContain('<b>bold</b>');
    }
  });

  it('keeps the closing slide with the disclaimer', () => {
    const { deck } = deckOf(hostile);
    const closing = deck!.printHtml.slice(deck!.printHtml.lastIndexOf('<section'));
    expect(closing).toContain('class="closing"');
    expect(closing.replace(/\s+/g, ' ')).toContain(templates.strings.en!.disclaimer.replace(/\s+/g, ' ').slice(0, 60));
  });
});

describe('Marp directives written in content', () => {
  it('keeps a theme class, paginate and footer text, located on the slide they are written in', () => {
    const { file, deck } = deckOf(`## One\n\n<!-- _class: title -->\n\n- a\n\n## Two\n\n<!-- footer: "<img src=x> Clinic" -->\n\n- b\n`);
    expect(messages(file)).toEqual([]);
    const sections = deck!.presentHtml.split('<section').slice(1);
    expect(sections[1]).toMatch(/^[^>]*class="title"/);
    expect(sections[2]).toContain('<footer>&lt;img src=x&gt; Clinic</footer>');
    expect(deck!.presentHtml).not.toContain('<img src=x');
  });

  it('drops other directives and unknown classes with a located warning', () => {
    const { file, deck } = deckOf(`## One\n\n- a\n\n<!-- _color: red -->\n\n<!--\n_class: hacker\n-->\n\n<!-- _backgroundColor: "#000" -->\n`);
    expect(messages(file).map(({ rule, line, column, fatal }) => ({ rule, line, column, fatal }))).toEqual([
      { rule: 'slide-directive', line: 17, column: 1, fatal: false },
      { rule: 'slide-directive', line: 19, column: 1, fatal: false },
      { rule: 'slide-directive', line: 23, column: 1, fatal: false },
    ]);
    expect(messages(file)[1]!.reason).toContain('not in the theme');
    expect(deck!.presentHtml).not.toMatch(/--color:red|hacker|background-color:#000/);
  });

  it('embeds a background image from content/ and refuses one from anywhere else', () => {
    const ok = deckOf(`## One\n\n<!-- _backgroundImage: url(img/dot.png) -->\n\n- a\n`);
    expect(messages(ok.file)).toEqual([]);
    expect(ok.deck!.printHtml).toContain(DOT);
    const remote = deckOf(`## One\n\n<!-- _backgroundImage: url(https://tracker.example/bg.png) -->\n\n- a\n`);
    expect(messages(remote.file)).toMatchObject([{ rule: 'image-remote', line: 15, column: 1, fatal: true }]);
    expect(remote.deck).toBeUndefined();
  });
});
