import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runSourceRules } from '../../src/rules/run.js';
import { resolveRules } from '../../src/rules/settings.js';
import { prepare, TEST_STRINGS } from '../helpers/docs.js';

/** Pieces of Markdown, directives and raw HTML that content really contains, and some it should not. */
const piece = fc.constantFrom(
  '# ', '## ', '### ', '- ', '1. ', '> ', '* ', '**', '_', '`', '```\n', '\n', '\n\n', '| a | b |\n| --- | --- |\n', '[x](#y)', '![alt](img.png)',
  '::include{src="_partials/p.md"}\n', '::include{src="../x.md"}\n', ':::slide\n', ':::notes\n', ':::handout\n', ':::\n', ':::slides\n', ':word',
  '<script>x()</script>', '<b onclick="x">', '</b>', '<!-- c -->', '[^1]', '[^1]: note\n', 'Sjögren’s', 'é', '\t', '---\n', 'word ', 'Long sentence with many syllables indeed. ',
);
const markdown = fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 60 }).map((parts) => parts.join(''));
const frontValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant('2026-11-02'), fc.array(fc.string(), { maxLength: 3 }));
const front = fc.record(
  {
    title: frontValue,
    condition: frontValue,
    reviewed: frontValue,
    review_due: frontValue,
    sources: fc.oneof(frontValue, fc.array(fc.record({ title: fc.string(), url: fc.string() }), { maxLength: 2 })),
    lang: fc.oneof(fc.constant('en'), fc.string()),
    extra: frontValue,
  },
  { requiredKeys: [] },
);

describe('the pipeline on generated content', () => {
  it('never throws: every problem is a located diagnostic with a rule', () => {
    fc.assert(
      fc.property(front, markdown, markdown, fc.boolean(), (meta, body, partial, withFront) => {
        const text = withFront ? `---\n${stringify(meta)}---\n\n${body}` : body;
        const { file, document } = prepare('content/a.md', { 'content/a.md': text, 'content/_partials/p.md': partial });
        if (document) {
          runSourceRules(document, {
            rules: resolveRules(),
            strict: false,
            today: '2026-12-01',
            linkTarget: () => 'missing',
            strings: TEST_STRINGS,
            templatesDir: 'templates',
          });
        }
        for (const message of file.messages) {
          expect(message.ruleId).toBeTruthy();
          expect(message.line ?? 1).toBeGreaterThanOrEqual(1);
          expect(message.column ?? 1).toBeGreaterThanOrEqual(1);
        }
        if (!document) expect(file.messages.some((m) => m.fatal)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
