import { describe, expect, it } from 'vitest';
import { runSourceRules } from '../../src/rules/run.js';
import { resolveRules } from '../../src/rules/settings.js';
import { FRONT, messages, prepare, TEST_STRINGS, type Files } from '../helpers/docs.js';

const context = (strict = false, rules = resolveRules()) => ({
  rules,
  strict,
  today: '2026-12-01',
  linkTarget: () => 'ok' as const,
  strings: TEST_STRINGS,
  templatesDir: 'templates',
});

/** Prepares `content/doc.md` and runs every source rule on it; the `placeholder` messages. */
function placeholders(files: Files, strict = false, rules = resolveRules()) {
  const { document, file } = prepare('content/doc.md', files);
  expect(document, JSON.stringify(messages(file))).toBeDefined();
  runSourceRules(document!, context(strict, rules));
  return messages(document!.file).filter((m) => m.rule === 'placeholder');
}

/** The 1-based line of the first line of `text` holding `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

const BODY = `
Knee pain is common. It can come from an injury or from wear over time.

## What helps?

Rest, ice and gentle exercise help many people.

- Rest the knee.
- Use ice for short times.
`;

describe('placeholder', () => {
  it('reports a TODO in a front-matter value at its key, in a paragraph and in a list item at the node', () => {
    const front = FRONT.replace('title: Test condition handout', 'title: "TODO: title for doc"');
    expect(front).not.toBe(FRONT);
    const body = BODY.replace('Rest, ice and gentle exercise help many people.', 'TODO: say what helps.').replace(
      '- Use ice for short times.',
      '- Use ice. TODO: for how long?',
    );
    const text = `${front}${body}`;
    expect([lineOf(text, 'title:'), lineOf(text, 'TODO: say'), lineOf(text, '- Use ice.')]).toEqual([2, 17, 20]);
    const found = placeholders({ 'content/doc.md': text });
    expect(found).toEqual([
      expect.objectContaining({ line: 2, column: 1, fatal: false, reason: expect.stringMatching(/`title`.*TODO: title for doc/) }),
      expect.objectContaining({ line: 17, column: 1, fatal: false, reason: expect.stringContaining('TODO: say what helps.') }),
      expect.objectContaining({ line: 20, column: 3, fatal: false, reason: expect.stringContaining('TODO: for how long?') }),
    ]);
  });

  it('names a nested front-matter value and locates it at its top-level key', () => {
    const front = FRONT.replace('  - title: A source', '  - title: "TODO: a source"');
    expect(lineOf(front, 'sources:')).toBe(8);
    const found = placeholders({ 'content/doc.md': `${front}${BODY}` });
    expect(found).toEqual([expect.objectContaining({ line: 8, column: 1, reason: expect.stringContaining('`title` of `sources` entry 1') })]);
  });

  it('points into the partial a placeholder was written in', () => {
    const files = {
      'content/doc.md': `${FRONT}${BODY}\n::include{src="_partials/p.md"}\n`,
      'content/_partials/p.md': '## Shared\n\nSome words.\n\n- TODO: a shared point.\n',
    };
    expect(placeholders(files)).toEqual([expect.objectContaining({ file: 'content/_partials/p.md', line: 5, column: 3 })]);
  });

  it('finds nothing in real content, nor in words that only contain the letters', () => {
    expect(placeholders({ 'content/doc.md': `${FRONT}${BODY}` })).toEqual([]);
    expect(placeholders({ 'content/doc.md': `${FRONT}${BODY}\nKeep a todo list. TODOS and MASTODON are words too.\n` })).toEqual([]);
  });

  it('is a warning that --strict and the config can change', () => {
    const files = { 'content/doc.md': `${FRONT}${BODY}\nTODO: more.\n` };
    expect(placeholders(files, true)).toEqual([expect.objectContaining({ fatal: true })]);
    expect(placeholders(files, false, resolveRules({ placeholder: 'off' }))).toEqual([]);
    expect(placeholders(files, false, resolveRules({ placeholder: 'error' }))).toEqual([expect.objectContaining({ fatal: true })]);
  });
});
