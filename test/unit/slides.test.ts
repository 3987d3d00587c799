import { describe, expect, it } from 'vitest';
import { toString as nodeText } from 'mdast-util-to-string';
import { buildDeck } from '../../src/formats/slides/deck.js';
import { planDeck } from '../../src/formats/slides/split.js';
import { FRONT, prepare } from '../helpers/docs.js';
import { templates } from '../helpers/templates.js';

const source = `${FRONT}
Intro prose for the presenter.

## First section

Prose one, said aloud.

- Point A
- Point B

:::notes
Ask the room a question.
:::

:::handout
Only in print.
:::

## Second section

Only prose here, first paragraph.

Second paragraph.

:::slide
Slide-only line.
:::

| Col | Val |
| --- | --- |
| a   | 1   |
`;

const prepared = () => prepare('content/a.md', { 'content/a.md': source }).document!;

describe('the handout/slides split', () => {
  it('makes one slide per section: lists and tables shown, prose spoken', () => {
    const plan = planDeck(prepared().tree);
    expect(plan.slides.map((slide) => nodeText(slide.heading))).toEqual(['First section', 'Second section']);
    const [first, second] = plan.slides;
    expect(first!.body.map((n) => n.type)).toEqual(['list']);
    expect(first!.notes.map((n) => nodeText(n))).toEqual(['Prose one, said aloud.', 'Ask the room a question.']);
    expect(second!.body.map((n) => n.type)).toEqual(['paragraph', 'table']);
    expect(nodeText(second!.body[0]!)).toBe('Slide-only line.');
    expect(plan.introNotes.map((n) => nodeText(n))).toEqual(['Intro prose for the presenter.']);
    const everything = JSON.stringify(plan);
    expect(everything).not.toContain('Only in print.');
  });

  it('never leaves a slide blank: a prose-only section shows its first paragraph', () => {
    const doc = prepare('content/b.md', { 'content/b.md': `${FRONT}\n## Prose only\n\nFirst.\n\nSecond.\n` }).document!;
    const [slide] = planDeck(doc.tree).slides;
    expect(slide!.body.map((n) => nodeText(n))).toEqual(['First.']);
    expect(slide!.notes.map((n) => nodeText(n))).toEqual(['First.', 'Second.']);
  });
});

describe('the deck', () => {
  it('has a title slide, a slide per section and a closing slide, with notes in its HTML', () => {
    const deck = buildDeck(prepared(), templates, templates.strings.en!);
    expect(deck.slideCount).toBe(4);
    const sections = deck.presentHtml.match(/<section[^>]*>[\s\S]*?<\/section>/g) ?? [];
    expect(sections).toHaveLength(4);
    expect(sections[0]).toContain('class="title"');
    expect(sections[0]).toContain('Test condition handout');
    expect(sections[0]).toContain('This treatment is experimental');
    expect(sections[1]).toContain('<li>Point A</li>');
    expect(sections[1]).not.toContain('Prose one');
    expect(sections[3]).toContain('https://example.org/source');
    expect(deck.presentHtml).toMatch(/<aside id="notes-2" data-slide="2"><p>Prose one, said aloud.<\/p>\s*<p>Ask the room a question.<\/p><\/aside>/);
    expect(deck.presentHtml).toContain('<aside id="notes-1" data-slide="1"><p>Intro prose for the presenter.</p></aside>');
    expect(deck.presentHtml).toMatch(/<script>[\s\S]*ArrowRight/);
    expect(deck.printHtml).not.toContain('<script');
    expect(deck.printHtml).not.toContain('Ask the room');
  });

  it('keeps front-matter text as text, never Marp syntax or HTML', () => {
    const hostile = FRONT.replace('title: Test condition handout', 'title: "<img src=x onerror=alert(1)> *bold* ---"');
    const doc = prepare('content/c.md', { 'content/c.md': `${hostile}\n## S\n\n- a\n` }).document!;
    const deck = buildDeck(doc, templates, templates.strings.en!);
    expect(deck.slideCount).toBe(3);
    expect(deck.presentHtml).not.toContain('<img src=x');
    // Escaped by the same serialiser as the handout: the words are shown, nothing is parsed.
    expect(deck.presentHtml).toContain('&#x3C;img src=x onerror=alert(1)&gt; *bold* ---');
  });
});
