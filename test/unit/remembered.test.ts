import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rememberedPath, rememberPath } from '../../src/browser/unpacked.js';
import { rememberedValue } from '../../src/templates/parsed-note.js';

describe('what is remembered between runs to start faster', () => {
  it("remembers @sparticuz/chromium's unpacked path per version of the package, and nothing unreadable", () => {
    const version = `test-${randomUUID()}`;
    expect(rememberedPath(version)).toBeUndefined();
    rememberPath(version, '/somewhere/chromium');
    expect(rememberedPath(version)).toBe('/somewhere/chromium');
    expect(rememberedPath(`${version}-other`)).toBeUndefined();
    writeFileSync(path.join(tmpdir(), `handouts-${process.getuid?.() ?? 'user'}-sparticuz-${version}.json`), '{not json');
    expect(rememberedPath(version)).toBeUndefined();
  });

  it('reads a validated value back for the same text only, and remembers nothing that failed to validate', () => {
    const text = `terms: ${randomUUID()}`;
    let parsed = 0;
    const parse = () => {
      parsed++;
      return { text, parsed };
    };
    expect(rememberedValue(text, parse)).toEqual({ text, parsed: 1 });
    expect(rememberedValue(text, parse)).toEqual({ text, parsed: 1 });
    expect(parsed).toBe(1);
    expect(rememberedValue(`${text} changed`, parse)).toEqual({ text, parsed: 2 });
    const broken = `broken: ${randomUUID()}`;
    expect(() =>
      rememberedValue(broken, () => {
        throw new Error('invalid word list');
      }),
    ).toThrow('invalid word list');
    expect(rememberedValue(broken, () => 'now valid')).toBe('now valid');
  });
});
