import { describe, expect, it } from 'vitest';
import { renderHandoutHtml, pageCounter } from '../../src/formats/handout/page.js';
import { cssString } from '../../src/templates/liquid.js';
import { FRONT, prepare } from '../helpers/docs.js';
import { liquid, templates } from '../helpers/templates.js';

const body = `
Intro.

## Section

Shown in both. <script>alert(1)</script> <abbr title="multiple sclerosis">MS</abbr>

:::handout
Print-only text.
:::

:::slide
Slide-only text.
:::

:::notes
Notes-only text.
:::
`;

describe('the handout template', () => {
  const render = (front = FRONT, paper: 'A4' | 'Letter' = 'A4') =>
    renderHandoutHtml(prepare('content/a.md', { 'content/a.md': front + body }).document!, templates, liquid, { paper });

  it('holds the content for print only, with notice, sources, dates and disclaimer', () => {
    const html = render();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<h1>Test condition handout</h1>');
    expect(html).toContain('Print-only text.');
    expect(html).not.toContain('Slide-only text.');
    expect(html).not.toContain('Notes-only text.');
    expect(html).toContain('This treatment is experimental');
    expect(html).toContain('<a href="https://example.org/source">');
    expect(html).toContain('<time datetime="2026-11-02">November 2, 2026</time>');
    expect(html).toContain(templates.strings.en!.disclaimer);
    expect(html).toContain('size: 210mm 297mm;');
    expect(html).toContain('content: "Page " counter(page) " of " counter(pages);');
  });

  it('sanitises raw HTML and escapes front-matter values', () => {
    const html = render(FRONT.replace('title: Test condition handout', 'title: "</style><script>x()</script>"'));
    expect(html).not.toMatch(/<script>(alert|x\()/);
    expect(html).toContain('<abbr title="multiple sclerosis">MS</abbr>');
    expect(html).toContain('<h1>&lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;</h1>');
    // In the running footer the title sits in a CSS string inside <style>: it cannot close it.
    expect(html).toMatch(/content: "[^"]*\\3C \/style\\3E \\3C script\\3E x\(\)/);
  });

  it('takes the paper size from the options', () => {
    expect(render(FRONT, 'Letter')).toContain('size: 215.9mm 279.4mm;');
  });

  it('writes CSS strings and page counters safely', () => {
    expect(cssString('a "b" \\ </style>\nc')).toBe('"a \\22 b\\22  \\5C  \\3C /style\\3E \\A c"');
    expect(pageCounter('Seite {page} von {pages}')).toBe('"Seite " counter(page) " von " counter(pages)');
  });
});
