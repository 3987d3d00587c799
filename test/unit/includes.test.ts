import { describe, expect, it } from 'vitest';
import { toString as nodeText } from 'mdast-util-to-string';
import { FRONT, messages, prepare } from '../helpers/docs.js';

describe('includes', () => {
  it('pulls partials in, recursively, and stamps their nodes with their file', () => {
    const files = {
      'content/a.md': `${FRONT}\nIntro.\n\n::include{src="_partials/one.md"}\n\n## Own\n\nOwn text.\n`,
      'content/_partials/one.md': '## Shared\n\nShared text.\n\n::include{src="two.md"}\n',
      'content/_partials/two.md': 'Nested text.\n',
    };
    const { file, document } = prepare('content/a.md', files);
    expect(file.messages).toEqual([]);
    expect(nodeText(document!.tree)).toContain('Shared text.');
    expect(nodeText(document!.tree)).toContain('Nested text.');
    const shared = document!.tree.children.find((node) => node.type === 'heading' && nodeText(node) === 'Shared');
    expect(shared?.data?.file).toBe('content/_partials/one.md');
    expect(shared?.position?.start.line).toBe(1);
  });

  it('reports a missing include where it is written', () => {
    const files = { 'content/a.md': `${FRONT}\n::include{src="_partials/nope.md"}\n` };
    const { file, document } = prepare('content/a.md', files);
    expect(document).toBeUndefined();
    expect(messages(file)).toMatchObject([{ rule: 'include-missing', line: 13, column: 1, fatal: true }]);
  });

  it('reports an include cycle in the partial that closes it', () => {
    const files = {
      'content/a.md': `${FRONT}\n::include{src="_p/one.md"}\n`,
      'content/_p/one.md': 'One.\n\n::include{src="two.md"}\n',
      'content/_p/two.md': 'Two.\n\n\n::include{src="one.md"}\n',
    };
    const { file } = prepare('content/a.md', files);
    expect(messages(file)).toMatchObject([
      {
        rule: 'include-cycle',
        file: 'content/_p/two.md',
        line: 4,
        column: 1,
        reason: 'Include cycle: content/_p/one.md -> content/_p/two.md -> content/_p/one.md',
      },
    ]);
  });

  it('refuses an include outside the content folder', () => {
    const files = { 'content/a.md': `${FRONT}\n::include{src="../../etc/passwd"}\n` };
    const { file } = prepare('content/a.md', files);
    expect(messages(file)).toMatchObject([{ rule: 'include-outside', line: 13, fatal: true }]);
  });
});
