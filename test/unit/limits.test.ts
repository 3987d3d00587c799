import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createResolvers } from '../../src/discover/resolvers.js';
import { LIMITS } from '../../src/transform/limits.js';
import { FRONT, messages, prepare } from '../helpers/docs.js';

describe('pathological documents fail alone, with a clear message', () => {
  it('refuses a source over the size limit before parsing it', () => {
    const text = `${FRONT}\n${'| a | b |\n'.repeat(LIMITS.sourceChars / 10 + 10)}`;
    const { file, document } = prepare('content/a.md', { 'content/a.md': text });
    expect(document).toBeUndefined();
    expect(messages(file)).toMatchObject([{ rule: 'too-large', line: 1, column: 1, fatal: true, reason: expect.stringContaining('the limit is 1 million') }]);
  });

  it('refuses lists nested deeper than the limit, at the first list too deep', () => {
    const nested = Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth + 1}`).join('\n');
    const { file } = prepare('content/a.md', { 'content/a.md': `${FRONT}\n## S\n\n${nested}\n` });
    expect(messages(file)).toMatchObject([{ rule: 'too-deep', line: 14 + LIMITS.nesting + 1, fatal: true }]);
  });

  it('refuses an image over the size limit without reading it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'handouts-limits-'));
    try {
      mkdirSync(path.join(root, 'content'));
      writeFileSync(path.join(root, 'content/huge.png'), Buffer.alloc(LIMITS.imageBytes + 1));
      const { resolveAsset } = createResolvers(path.join(root, 'content'), root);
      expect(resolveAsset('huge.png', 'content/a.md')).toMatchObject({ ok: false, reason: 'large', detail: expect.stringContaining('the limit is 10 MB') });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
