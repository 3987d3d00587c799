import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { requireFormat } from '../../src/formats/registry.js';
import type { DocumentReport } from '../../src/report/types.js';
import type { Manifest } from '../../src/write/manifest.js';
import { renderCatalog } from '../../src/write/catalog.js';
import { REPO } from '../helpers/project.js';
import { liquid, templates } from '../helpers/templates.js';

const ROOT = '/clinic';
const OUT = '/clinic/output';
const TODAY = '2026-12-01';
const output = (format: string, file: string, pages?: number) => ({ format, file: `output/${file}`, pages, sha256: '0'.repeat(64) });
const readability = (grade: number) => ({ grade, smog: 7.1, sentences: 40, words: 400, target: 8 });

/** Built, with both pictures, review due in 9 days (due soon with the 30 warning days). */
const pictured: DocumentReport = {
  source: 'content/multiple-sclerosis.md',
  slug: 'multiple-sclerosis',
  lang: 'en',
  title: 'Stem cells & <b>MS</b>',
  condition: 'Multiple sclerosis',
  reviewed: '2026-01-10',
  review_due: '2026-12-10',
  status: 'built',
  readability: readability(3.6),
  outputs: [
    output('handout-pdf', 'en/multiple-sclerosis/handout.pdf', 3),
    output('handout-png', 'en/multiple-sclerosis/handout.png', 1),
    output('slides-html', 'en/multiple-sclerosis/slides.html', 8),
    {
      ...output('slides-png', 'en/multiple-sclerosis/slides/001.png', 8),
      files: ['output/en/multiple-sclerosis/slides/001.png', 'output/en/multiple-sclerosis/slides/002.png'],
    },
  ],
  diagnostics: [
    { file: 'content/multiple-sclerosis.md', line: 4, column: 1, severity: 'warning', rule: 'review-due', message: 'Review is due on 2026-12-10, in 9 days' },
  ],
};
/** Failed in the last build, keeping one file of an earlier one; review overdue. */
const failed: DocumentReport = {
  source: 'content/lesion.md',
  slug: 'lesion',
  lang: 'es',
  title: 'Lesión medular',
  condition: 'Spinal cord injury',
  reviewed: '2024-05-01',
  review_due: '2025-06-01',
  status: 'failed',
  readability: { measured: false, lang: 'es', reason: 'not measured for `es`' },
  outputs: [output('handout-pdf', 'es/lesion/handout.pdf', 2)],
  diagnostics: [{ file: 'content/_partials/pain.md', line: 12, column: 5, severity: 'error', rule: 'link-broken', message: 'Broken link to `missing.md`' }],
};
/** Built without pictures, review far off; its grade is over the target. */
const plain: DocumentReport = {
  source: 'content/sci.md',
  slug: 'sci',
  lang: 'en',
  title: 'Spinal cord injury',
  condition: 'Spinal cord injury',
  reviewed: '2026-11-02',
  review_due: '2027-11-02',
  status: 'built',
  readability: readability(9.2),
  outputs: [output('handout-pdf', 'en/sci/handout.pdf', 1), output('no-longer-registered', 'en/sci/old.txt')],
  diagnostics: [],
};
const manifest: Manifest = { tool: { name: 'handouts', version: '9.9.9' }, documents: [pictured, failed, plain], summary: { built: 2, failed: 1 } };

const render = (today = TODAY, warnDays = 30, m = manifest) => renderCatalog(m, templates, liquid, OUT, ROOT, { today, warnDays });
const page = (html = render()) => fromHtml(html);

function all(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}
const tag = (name: string) => (el: Element) => el.tagName === name;
const cls = (name: string) => (el: Element) => ((el.properties.className as string[] | undefined) ?? []).includes(name);
const cards = (tree: Root) => all(tree, (el) => el.tagName === 'article' && el.properties.dataCard !== undefined);
const card = (tree: Root, title: string) => {
  const found = cards(tree).find((c) => toText(all(c, tag('h2'))[0]!) === title);
  if (!found) throw new Error(`no card titled ${title}`);
  return found;
};
const text = (el: Element) => toText(el).replace(/\s+/g, ' ');

describe('the catalog', () => {
  it("has one card per document, each titled by a level-2 heading under the page's one h1, inside landmarks", () => {
    const tree = page();
    // Ordered by slug, so a translation sits beside its source.
    expect(cards(tree).map((c) => toText(all(c, tag('h2'))[0]!))).toEqual(['Lesión medular', 'Stem cells & <b>MS</b>', 'Spinal cord injury']);
    expect(all(tree, tag('h1')).map((heading) => toText(heading))).toEqual(['Patient education materials']);
    for (const c of cards(tree)) expect(c.properties.ariaLabelledBy).toEqual([all(c, tag('h2'))[0]!.properties.id]);
    expect(all(tree, tag('main'))).toHaveLength(1);
    expect(all(tree, tag('header'))).toHaveLength(1);
    expect(all(tree, tag('footer'))).toHaveLength(1);
    // Each title is marked with its document's language.
    expect(all(card(tree, 'Lesión medular'), tag('h2'))[0]!.properties.lang).toBe('es');
  });

  it('escapes every value from the content', () => {
    const html = render();
    expect(html).toContain('Stem cells &amp; &lt;b&gt;MS&lt;/b&gt;');
    expect(html).not.toContain('<b>MS</b>');
  });

  it('links every file built, relative to output/, labelled from the registry with its pages or slides', () => {
    const tree = page();
    const links = (title: string) => all(card(tree, title), (el) => el.tagName === 'a').map((a) => [a.properties.href, text(a)]);
    expect(links('Stem cells & <b>MS</b>')).toEqual([
      ['en/multiple-sclerosis/handout.pdf', requireFormat('handout-pdf').label],
      ['en/multiple-sclerosis/handout.png', requireFormat('handout-png').label],
      ['en/multiple-sclerosis/slides.html', requireFormat('slides-html').label],
      ['en/multiple-sclerosis/slides/001.png', requireFormat('slides-png').label],
    ]);
    const items = all(card(tree, 'Stem cells & <b>MS</b>'), cls('files'))
      .flatMap((list) => all(list, tag('li')))
      .map(text);
    expect(items).toEqual([
      `${requireFormat('handout-pdf').label} (3 pages)`,
      `${requireFormat('handout-png').label} (1 page)`,
      `${requireFormat('slides-html').label} (8 slides)`,
      `${requireFormat('slides-png').label} (8 slides)`,
    ]);
    // A format no longer registered is still linked, by its id.
    expect(links('Spinal cord injury')).toEqual([
      ['en/sci/handout.pdf', requireFormat('handout-pdf').label],
      ['en/sci/old.txt', 'no-longer-registered'],
    ]);
  });

  it('writes addresses relative to the output folder wherever it is, encoding what a URL cannot hold', () => {
    const odd: DocumentReport = { ...plain, slug: 'niño 1', outputs: [output('handout-pdf', 'en/niño 1/handout.pdf', 1)] };
    const tree = page(renderCatalog({ ...manifest, documents: [odd] }, templates, liquid, '/clinic/site/out', ROOT, { today: TODAY, warnDays: 30 }));
    expect(all(tree, tag('a')).map((a) => a.properties.href)).toEqual(['../../output/en/ni%C3%B1o%201/handout.pdf']);
  });

  it('shows a picture of the first page and of the title slide only where a picture format was built', () => {
    const tree = page();
    const images = all(card(tree, 'Stem cells & <b>MS</b>'), tag('img'));
    expect(images.map((img) => img.properties.src)).toEqual(['en/multiple-sclerosis/handout.png', 'en/multiple-sclerosis/slides/001.png']);
    expect(images.map((img) => img.properties.alt)).toEqual(['First page of “Stem cells & <b>MS</b>”', 'Title slide of “Stem cells & <b>MS</b>”']);
    for (const title of ['Lesión medular', 'Spinal cord injury']) {
      expect(all(card(tree, title), tag('img'))).toEqual([]);
      // No empty box either.
      expect(all(card(tree, title), cls('thumbs'))).toEqual([]);
    }
  });

  it('writes out the review dates and marks a review overdue or due soon on the day given', () => {
    const tree = page();
    const facts = (title: string) => all(card(tree, title), cls('facts')).map(text)[0];
    const badges = (t: Root, title: string) => all(card(t, title), cls('badge')).map(text);
    expect(facts('Stem cells & <b>MS</b>')).toContain('Last reviewed January 10, 2026');
    expect(facts('Stem cells & <b>MS</b>')).toContain('Review due December 10, 2026 due soon');
    expect(all(card(tree, 'Stem cells & <b>MS</b>'), tag('time')).map((t) => t.properties.dateTime)).toEqual(['2026-01-10', '2026-12-10']);
    expect(badges(tree, 'Stem cells & <b>MS</b>')).toEqual(['Built', 'Review due soon']);
    expect(badges(tree, 'Lesión medular')).toEqual(['Failed in the last build', 'Review overdue']);
    expect(facts('Lesión medular')).toContain('Review due June 1, 2025 overdue');
    expect(badges(tree, 'Spinal cord injury')).toEqual(['Built']);
    expect(cards(tree).map((c) => c.properties.dataStates)).toEqual(['failed review-overdue', 'built review-soon', 'built review-ok']);
    // The state follows `today` and the warning days, not the diagnostics.
    const earlier = page(render('2026-10-01'));
    expect(badges(earlier, 'Stem cells & <b>MS</b>')).toEqual(['Built']);
    expect(badges(page(render(TODAY, 5)), 'Stem cells & <b>MS</b>')).toEqual(['Built']);
    expect(badges(page(render('2027-10-20')), 'Spinal cord injury')).toEqual(['Built', 'Review due soon']);
  });

  it('shows the reading grade with its target, flagging one above it, or says it was not measured', () => {
    const tree = page();
    const grade = (title: string) => all(card(tree, title), tag('dd'))[0]!;
    expect(text(grade('Stem cells & <b>MS</b>'))).toBe('3.6 (target 8 or lower; SMOG 7.1)');
    expect(text(grade('Spinal cord injury'))).toBe('9.2 (target 8 or lower; SMOG 7.1) Above the target');
    expect(all(card(tree, 'Lesión medular'), tag('dt')).map(text)[0]).toBe('Reading grade');
    expect(text(grade('Lesión medular'))).toBe('Not measured for this language');
    expect(all(grade('Spinal cord injury'), cls('alert')).length).toBeGreaterThan(0);
    expect(all(grade('Stem cells & <b>MS</b>'), cls('alert'))).toEqual([]);
  });

  it("shows a Spanish document's reading ease with its band and target, and the plain-language summary in words", () => {
    const spanish: DocumentReport = {
      ...plain,
      source: 'content/es/sci.md',
      lang: 'es',
      title: 'Lesión de la médula espinal',
      readability: { scale: 'INFLESZ', formula: 'Szigriszt-Pazos', score: 58.4, band: 'normal', target: 65, sentences: 40, words: 400 },
      plain_language: { counts: { 'plain-words': 3, 'passive-voice': 1, 'long-sentence': 0, actionable: 1 }, actions: false },
    };
    const clear: DocumentReport = {
      ...pictured,
      plain_language: { counts: { 'plain-words': 0, 'passive-voice': 0, 'long-sentence': 2, actionable: 0 }, actions: true },
    };
    const tree = page(render(TODAY, 30, { ...manifest, documents: [spanish, clear] }));
    const facts = (title: string) =>
      Object.fromEntries(all(card(tree, title), tag('dt')).map((dt, i) => [text(dt), text(all(card(tree, title), tag('dd'))[i]!)]));
    expect(facts('Lesión de la médula espinal')).toMatchObject({
      'Reading ease': '58.4 (normal on the INFLESZ scale; target 65 or more) Below the target',
      'Plain language': '3 words to replace · 1 passive sentence · no “what you can do” section',
    });
    expect(facts('Stem cells & <b>MS</b>')).toMatchObject({
      'Plain language': 'no words to replace · no passive sentences · 2 long sentences · says what to do',
    });
  });

  it('lists a format that failed alone, with its message, where, and the previous file it kept', () => {
    const partly: DocumentReport = {
      ...pictured,
      status: 'failed',
      failures: [
        {
          format: 'brochure-pdf',
          kept: 'output/en/multiple-sclerosis/brochure.pdf',
          diagnostics: [
            {
              file: 'content/multiple-sclerosis.md',
              line: 30,
              column: 1,
              severity: 'error',
              rule: 'brochure-overflow',
              message: 'It does not fit',
              format: 'brochure-pdf',
            },
          ],
        },
      ],
    };
    const tree = page(render(TODAY, 30, { ...manifest, documents: [partly] }));
    const item = all(card(tree, 'Stem cells & <b>MS</b>'), cls('failed-formats')).flatMap((list) => all(list, tag('li')));
    expect(item.map(text)).toEqual([`${requireFormat('brochure-pdf').label}: failed. It does not fit at content/multiple-sclerosis.md:30:1 Previous version`]);
    expect(all(item[0]!, tag('a')).map((a) => a.properties.href)).toEqual(['en/multiple-sclerosis/brochure.pdf']);
    expect(all(card(tree, 'Stem cells & <b>MS</b>'), cls('badge')).map(text)[0]).toBe('A format failed in the last build');
  });

  it('marks a failed document and lists its errors and warnings with where they are', () => {
    const tree = page();
    const broken = card(tree, 'Lesión medular');
    expect(broken.properties.className).toContain('is-failed');
    const problems = all(broken, cls('problems'))
      .flatMap((list) => all(list, tag('li')))
      .map(text);
    expect(problems).toEqual(['Error: Broken link to `missing.md` at content/_partials/pain.md:12:5']);
    expect(all(broken, tag('h3')).map(text)).toEqual(['Files from an earlier build', 'Errors and warnings']);
    const warned = all(card(tree, 'Stem cells & <b>MS</b>'), cls('problems'))
      .flatMap((list) => all(list, tag('li')))
      .map(text);
    expect(warned).toEqual(['Warning: Review is due on 2026-12-10, in 9 days at content/multiple-sclerosis.md:4:1']);
    expect(card(tree, 'Stem cells & <b>MS</b>').properties.className).not.toContain('is-failed');
    expect(all(card(tree, 'Spinal cord injury'), cls('problems'))).toEqual([]);
    expect(text(all(tree, cls('summary'))[0]!)).toBe('3 documents · 2 built · 1 failed · 1 overdue for review · 1 due for review soon');
  });

  it('offers labelled filters by condition, language and status, hidden until the script shows them', () => {
    const tree = page();
    const form = all(tree, (el) => el.properties.id === 'catalog-filters')[0]!;
    expect(form.properties.hidden).toBe(true);
    expect(cards(tree).every((c) => c.properties.hidden === undefined)).toBe(true);
    const options = (name: string) => {
      const select = all(form, (el) => el.tagName === 'select' && el.properties.name === name)[0]!;
      // Every select has a label.
      expect(all(form, (el) => el.tagName === 'label' && el.properties.htmlFor?.toString() === select.properties.id)).toHaveLength(1);
      return all(select, tag('option')).map((o) => [o.properties.value, text(o)]);
    };
    expect(options('condition')).toEqual([
      ['', 'All conditions'],
      ['Multiple sclerosis', 'Multiple sclerosis'],
      ['Spinal cord injury', 'Spinal cord injury'],
    ]);
    expect(options('lang')).toEqual([
      ['', 'All languages'],
      ['en', 'English'],
      ['es', 'Español'],
    ]);
    expect(options('states')).toEqual([
      ['', 'Any status'],
      ['built', 'Built'],
      ['failed', 'Failed'],
      ['review-overdue', 'Review overdue'],
      ['review-soon', 'Review due soon'],
    ]);
    expect(cards(tree).map((c) => [c.properties.dataCondition, c.properties.dataLang])).toEqual([
      ['Spinal cord injury', 'es'],
      ['Multiple sclerosis', 'en'],
      ['Spinal cord injury', 'en'],
    ]);
    const count = all(tree, (el) => el.properties.id === 'catalog-count')[0]!;
    expect(count.properties.ariaLive).toBe('polite');
    expect(text(count)).toBe('Showing 3 of 3 documents');
  });

  it('runs only the filter script, allowed by exactly its hash', () => {
    const tree = page();
    const scripts = all(tree, tag('script'));
    expect(scripts).toHaveLength(1);
    const inline = toText(scripts[0]!, { whitespace: 'pre' });
    const shipped = readFileSync(path.join(REPO, 'src/write/catalog-client/filter.js'), 'utf8');
    expect(inline).toBe(shipped);
    const meta = all(tree, (el) => el.tagName === 'meta' && el.properties.httpEquiv?.toString() === 'Content-Security-Policy')[0]!;
    const directives = String(meta.properties.content)
      .split(';')
      .map((d) => d.trim());
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(directives.filter((d) => d.startsWith('script-src'))).toEqual([`script-src 'sha256-${hash}'`]);
    expect(directives).toContain("default-src 'none'");
    expect(directives.find((d) => d.startsWith('img-src'))).not.toMatch(/https?:|\*/);
  });
});

describe('translations in the catalog', () => {
  it('puts a translation beside its source and links the two cards', () => {
    const base = { lang: 'en', status: 'built' as const, outputs: [], diagnostics: [], reviewed: '2026-11-02' };
    const manifest = {
      tool: { name: 'handouts' as const, version: '0' },
      summary: { built: 3, failed: 0 },
      documents: [
        { ...base, source: 'content/es/knee.md', slug: 'knee', lang: 'es', title: 'Rodilla' },
        { ...base, source: 'content/ankle.md', slug: 'ankle', title: 'Ankle' },
        { ...base, source: 'content/knee.md', slug: 'knee', title: 'Knee' },
      ],
    };
    const html = renderCatalog(manifest, templates, liquid, '/p/output', '/p', { today: '2026-12-01', warnDays: 30 });
    const titles = [...html.matchAll(/<h2 id="(doc-\d+)-title"[^>]*>([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(titles).toEqual([
      ['doc-1', 'Ankle'],
      ['doc-2', 'Knee'],
      ['doc-3', 'Rodilla'],
    ]);
    expect(html).toContain('Also in: <a href="#doc-3" lang="es">Español</a>');
    expect(html).toContain('Also in: <a href="#doc-2" lang="en">English</a>');

    // A project whose default language is Spanish lists its Spanish documents and filter entry first.
    const spanish = renderCatalog(manifest, templates, liquid, '/p/output', '/p', { today: '2026-12-01', warnDays: 30, lang: 'es' });
    expect([...spanish.matchAll(/<h2 id="doc-\d+-title"[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(['Ankle', 'Rodilla', 'Knee']);
    expect([...spanish.matchAll(/<option value="(en|es)"/g)].map((m) => m[1])).toEqual(['es', 'en']);
    expect([...html.matchAll(/<option value="(en|es)"/g)].map((m) => m[1])).toEqual(['en', 'es']);
  });
});
