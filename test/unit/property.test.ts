import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { DocumentRef } from '../../src/core/document-ref.js';
import { createResolvers } from '../../src/discover/resolvers.js';
import { handoutBody } from '../../src/formats/handout/page.js';
import { buildDeck } from '../../src/formats/slides/deck.js';
import { runSourceRules } from '../../src/rules/run.js';
import { resolveRules } from '../../src/rules/settings.js';
import { prepareDocument } from '../../src/transform/prepare.js';
import { TEST_STRINGS } from '../helpers/docs.js';
import { templates } from '../helpers/templates.js';

/** Pieces of Markdown, directives and raw HTML that content really contains, and some it should not. */
const piece = fc.constantFrom(
  '# ',
  '## ',
  '### ',
  '- ',
  '1. ',
  '> ',
  '* ',
  '**',
  '_',
  '`',
  '```\n',
  '\n',
  '\n\n',
  '| a | b |\n| --- | --- |\n',
  '[x](#y)',
  '![alt](img/dot.png)',
  '::include{src="_partials/p.md"}\n',
  '::include{src="../x.md"}\n',
  ':::slide\n',
  ':::notes\n',
  ':::handout\n',
  ':::\n',
  ':::slides\n',
  ':word',
  '<script>x()</script>',
  '<b onclick="x">',
  '</b>',
  '<!-- c -->',
  '<!-- _class: title -->\n',
  '[^1]',
  '[^1]: note\n',
  'Sjögren’s',
  'é',
  '\t',
  '---\n',
  'word ',
  'Long sentence with many syllables indeed. ',
);
/** Strings people and attackers put where a URL or path goes: escapes, unicode, control characters, very long values. */
const weird = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '%2e%2e/%2e%2e/etc/passwd', '\u0000', '\u202e', 'a b', '#%E0%A4%A', '../../outside.md', 'img/dot.png?x=%'),
  fc.string({ minLength: 1000, maxLength: 3000 }),
);
const withWeird = fc.oneof(
  weird.map((s) => `[link](<${s}>)`),
  weird.map((s) => `[link](${s.replace(/[\s()]/g, '')})`),
  weird.map((s) => `![picture](<${s}>)`),
  weird.map((s) => `\n::include{src="${s.replace(/"/g, '')}"}\n`),
  weird.map((s) => `\n:::slide{class="${s.replace(/"/g, '')}"}\nx\n:::\n`),
  weird.map((s) => `\n<!-- _backgroundImage: url(${s.replace(/-->/g, '')}) -->\n`),
  weird.map((s) => `\n<!-- footer: ${JSON.stringify(s.replace(/-->/g, ''))} -->\n`),
);
const markdown = fc.array(fc.oneof(piece, fc.string({ maxLength: 12 }), withWeird), { maxLength: 40 }).map((parts) => parts.join(''));
/** Text that prepares cleanly but for its links, so the rules that read links really run on weird ones. */
const linksOnly = fc
  .array(
    fc.oneof(
      fc.constantFrom('## Section\n\n', 'Some words. ', '- item\n', '\n\n'),
      weird.map((s) => `[link](<${s.replace(/[<>\n]/g, '')}>) `),
      weird.map((s) => `[anchor](#${s.replace(/[\s()<>]/g, '')}) `),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));
const frontValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant('2026-11-02'), fc.array(fc.string(), { maxLength: 3 }));
const validFront = fc.constant({ title: 'A title', condition: 'A condition', reviewed: '2026-11-02', review_due: '2027-11-02', sources: ['A source'] });
const anyFront = fc.record(
  {
    title: frontValue,
    condition: frontValue,
    reviewed: frontValue,
    review_due: frontValue,
    sources: fc.oneof(frontValue, fc.array(fc.record({ title: fc.string(), url: weird }), { maxLength: 2 })),
    lang: fc.oneof(fc.constant('en'), fc.string()),
    extra: frontValue,
  },
  { requiredKeys: [] },
);
const front = fc.oneof(validFront, anyFront);

/** A real content folder, so the resolvers that read the disk are the ones tested. */
const root = mkdtempSync(path.join(tmpdir(), 'handouts-property-'));
mkdirSync(path.join(root, 'content/_partials'), { recursive: true });
mkdirSync(path.join(root, 'content/img'));
writeFileSync(path.join(root, 'content/img/dot.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
const resolvers = createResolvers(path.join(root, 'content'), root);
const ref: DocumentRef = { path: path.join(root, 'content/a.md'), source: 'content/a.md', slug: 'a' };

describe('the pipeline on generated content', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('never throws: every problem is a diagnostic with a rule, at a real line and column of the file it names', () => {
    let prepared = 0;
    fc.assert(
      fc.property(front, fc.oneof(markdown, linksOnly), markdown, fc.boolean(), (meta, body, partial, withFront) => {
        const text = withFront ? `---\n${stringify(meta)}---\n\n${body}` : body;
        writeFileSync(path.join(root, 'content/_partials/p.md'), partial);
        const texts: Record<string, string> = { 'content/a.md': text, 'content/_partials/p.md': partial };
        const { file, document } = prepareDocument(ref, text, {
          ...resolvers,
          defaultLang: 'en',
          languages: ['en'],
          slideClasses: templates.slideClasses,
          slideLayouts: templates.slideLayouts,
        });
        if (document) {
          runSourceRules(document, {
            rules: resolveRules(),
            strict: false,
            today: '2026-12-01',
            linkTarget: resolvers.linkTarget,
            strings: TEST_STRINGS,
            templatesDir: 'templates',
          });
          // The pages are made from what passed: making them must not throw either.
          handoutBody(document);
          buildDeck(document, templates, TEST_STRINGS);
        }
        for (const message of file.messages) {
          expect(message.ruleId).toBeTruthy();
          const named = message.file || file.path;
          const lines = texts[named]?.split(/\r\n|\r|\n/); // CR alone ends a line in Markdown, as in most editors
          expect(lines, `a message names \`${named}\``).toBeDefined();
          expect(message.line).toBeGreaterThanOrEqual(1);
          expect(message.line!).toBeLessThanOrEqual(lines!.length);
          expect(message.column).toBeGreaterThanOrEqual(1);
          expect(message.column!).toBeLessThanOrEqual(lines![message.line! - 1]!.length + 1);
        }
        if (!document) expect(file.messages.some((m) => m.fatal)).toBe(true);
        else prepared++;
      }),
      { numRuns: 300 },
    );
    // Enough generated documents got through to the rules and the page makers to mean something.
    expect(prepared).toBeGreaterThan(30);
  });
});
