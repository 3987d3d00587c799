import { describe, expect, it } from 'vitest';
import { toString as nodeText } from 'mdast-util-to-string';
import { FRONT, messages, prepare } from '../helpers/docs.js';

describe('directives', () => {
  it('reports a misspelt block directive with a hint, instead of dropping it', () => {
    const files = { 'content/a.md': `${FRONT}\n## S\n\n:::slides\nOnly on slides.\n:::\n` };
    const { file } = prepare('content/a.md', files);
    expect(messages(file)).toMatchObject([
      { rule: 'directive-unknown', line: 15, column: 1, fatal: true, reason: expect.stringContaining('did you mean `:::slide`?') },
    ]);
  });

  it('keeps a colon in prose as text', () => {
    const files = { 'content/a.md': `${FRONT}\n## S\n\nRatio 2:1 and note:this stays.\n` };
    const { file, document } = prepare('content/a.md', files);
    expect(file.messages).toEqual([]);
    expect(nodeText(document!.tree)).toContain('note:this stays.');
  });
});
