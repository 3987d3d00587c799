import { Capture } from '../helpers/capture.js';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output.js';
import type { DocumentReport } from '../../src/report/types.js';

const doc = (slug: string, status: DocumentReport['status'], warning = false): DocumentReport => ({
  source: `content/${slug}.md`,
  slug,
  lang: 'en',
  status,
  outputs: status === 'failed' ? [] : [{ format: 'handout-pdf', file: `output/en/${slug}/handout.pdf`, pages: 2, sha256: 'x' }],
  diagnostics: warning ? [{ file: 'content/_partials/p.md', line: 3, column: 1, severity: 'warning', rule: 'reading-level', message: 'Hard' }] : [],
});

describe('progress output', () => {
  it('prints one plain line per document with its count when not on a terminal (CI)', () => {
    const stream = new Capture(false);
    const out = createOutput({}, stream);
    out.plan(3);
    out.document(doc('a', 'built', true));
    out.document(doc('b', 'skipped', true));
    out.document(doc('c', 'failed'));
    out.done();
    expect(stream.text.split('\n').filter(Boolean)).toEqual([
      'content/_partials/p.md:3:1 warning Hard  reading-level',
      '[1/3] ✓ content/a.md -> handout.pdf (2)',
      '[2/3] · content/b.md: up to date',
      '[3/3] ✗ content/c.md: failed',
    ]);
  });

  it('redraws one progress line on a terminal and keeps only what needs attention', () => {
    const stream = new Capture(true);
    const out = createOutput({}, stream);
    out.plan(2);
    out.document(doc('a', 'built'));
    out.document(doc('b', 'failed'));
    out.done();
    expect(stream.text).toContain('\r\x1b[2K1/2 documents');
    expect(stream.text).toContain('[2/2] ✗ content/b.md: failed\n');
    expect(stream.text).not.toContain('content/a.md');
    expect(stream.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('prints only errors with --quiet', () => {
    const stream = new Capture(true);
    const out = createOutput({ quiet: true }, stream);
    out.plan(1);
    out.document(doc('a', 'built', true));
    out.info('summary');
    expect(stream.text).toBe('');
  });
});
