import { describe, expect, it } from 'vitest';
import { messages, prepare } from '../helpers/docs.js';

const doc = (front: string) => ({ 'content/x.md': `---\n${front}---\n\n## Section\n\nText.\n` });

describe('front matter', () => {
  it('reads valid front matter with its defaults', () => {
    const { file, document } = prepare('content/x.md', doc('title: T\ncondition: C\nreviewed: 2026-11-02\n'));
    expect(file.messages).toEqual([]);
    expect(document?.meta).toEqual({ title: 'T', condition: 'C', reviewed: '2026-11-02' });
    expect(document?.lang).toBe('en');
  });

  it('locates a missing required field at the front matter', () => {
    const { file, document } = prepare('content/x.md', doc('condition: C\nreviewed: 2026-11-02\n'));
    expect(document).toBeUndefined();
    expect(messages(file)).toMatchObject([{ rule: 'front-matter', line: 2, column: 1, fatal: true, reason: 'Missing required field `title`' }]);
  });

  it('locates a bad date at its value', () => {
    const { file } = prepare('content/x.md', doc('title: T\ncondition: C\nreviewed: 2026-02-30\n'));
    expect(messages(file)).toMatchObject([
      { rule: 'front-matter', line: 4, column: 11, reason: expect.stringContaining('`reviewed`: is not a real calendar date') },
    ]);
  });

  it('names an unknown field at its key with a did-you-mean hint', () => {
    const { file } = prepare('content/x.md', doc('title: T\ncondition: C\nreviewed: 2026-11-02\nsumary: S\n'));
    expect(messages(file)).toMatchObject([{ line: 5, column: 1, reason: 'Unknown field `sumary`; did you mean `summary`?' }]);
  });

  it('locates a wrong field inside a source entry', () => {
    const { file } = prepare('content/x.md', doc('title: T\ncondition: C\nreviewed: 2026-11-02\nsources:\n  - title: S\n    url: not a url\n'));
    expect(messages(file)).toMatchObject([{ rule: 'front-matter', line: 7, column: 10, fatal: true, reason: expect.stringContaining('`sources.0.url`') }]);
  });

  it('reports YAML syntax errors with their place', () => {
    const { file } = prepare('content/x.md', doc('title: [unclosed\ncondition: C\n'));
    expect(file.messages.length).toBeGreaterThan(0);
    expect(messages(file)[0]).toMatchObject({ rule: 'front-matter', fatal: true });
    expect(file.messages[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects a document without front matter', () => {
    const { file } = prepare('content/x.md', { 'content/x.md': '## Section\n\nText.\n' });
    expect(messages(file)).toMatchObject([{ rule: 'front-matter', line: 1, column: 1, reason: expect.stringContaining('Missing front matter') }]);
  });

  it('rejects a language tag that is not BCP 47', () => {
    const { file } = prepare('content/x.md', doc('title: T\ncondition: C\nreviewed: 2026-11-02\nlang: english please\n'));
    expect(messages(file)).toMatchObject([{ line: 5, column: 7, reason: expect.stringContaining('BCP 47') }]);
  });
});

describe('dates', () => {
  it.each(['2026-13-01', '2026-02-30', '2026-00-10'])('rejects %s, which is not on the calendar', (date) => {
    const { file } = prepare('content/x.md', doc(`title: T\ncondition: C\nreviewed: ${date}\n`));
    expect(messages(file)).toMatchObject([{ line: 4, column: 11, reason: '`reviewed`: is not a real calendar date' }]);
  });

  it('gives one message for a value that is not a date at all', () => {
    const { file } = prepare('content/x.md', doc('title: T\ncondition: C\nreviewed: someday\n'));
    expect(messages(file)).toMatchObject([{ line: 4, column: 11, reason: '`reviewed`: must be a date written YYYY-MM-DD' }]);
  });
});
