import { parseCommand as parse } from '../helpers/workflow-commands.js';
import { Capture } from '../helpers/capture.js';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import type { Diagnostic, DocumentReport } from '../../src/report/types.js';

const diagnostic = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  file: 'content/x.md',
  line: 12,
  column: 3,
  severity: 'error',
  rule: 'image-missing',
  message: 'Image file not found',
  ...over,
});

describe('GitHub workflow commands for diagnostics', () => {
  it('writes the annotation command GitHub documents, `::warning` for warnings', () => {
    expect(formatGithub(diagnostic())).toBe('::error file=content/x.md,line=12,col=3,title=image-missing::Image file not found');
    expect(formatGithub(diagnostic({ severity: 'warning', rule: 'reading-level', message: 'Hard' }))).toBe(
      '::warning file=content/x.md,line=12,col=3,title=reading-level::Hard',
    );
  });

  it('escapes a message as the toolkit does: %, CR and LF, but leaves : and , alone', () => {
    expect(escapeData('50% of\r\npatients\nsee: this, that')).toBe('50%25 of%0D%0Apatients%0Asee: this, that');
    // `%` is escaped first, so a message that already reads like an escape survives the round trip.
    expect(escapeData('%0A is not a newline')).toBe('%250A is not a newline');
    const line = formatGithub(diagnostic({ message: 'Grade 12% over:\nsplit it, please' }));
    expect(line).toBe('::error file=content/x.md,line=12,col=3,title=image-missing::Grade 12%25 over:%0Asplit it, please');
    expect(line).not.toContain('\n');
  });

  it('escapes properties further: a path with `,` and `:` stays one property', () => {
    expect(escapeProperty('content/a,b:c%.md')).toBe('content/a%2Cb%3Ac%25.md');
    expect(escapeProperty('x\r\ny')).toBe('x%0D%0Ay');
    const line = formatGithub(diagnostic({ file: 'content/notes, v2:final.md', rule: 'odd:rule,id' }));
    expect(line).toBe('::error file=content/notes%2C v2%3Afinal.md,line=12,col=3,title=odd%3Arule%2Cid::Image file not found');
    expect(parse(line)).toEqual({
      severity: 'error',
      properties: { file: 'content/notes, v2:final.md', line: '12', col: '3', title: 'odd:rule,id' },
      message: 'Image file not found',
    });
  });

  it('round-trips any text through the escapes (what the runner reads is what was said)', () => {
    const nasty = 'a%b\r\nc:d,e%0A%%::,,\n';
    const parsed = parse(formatGithub(diagnostic({ file: nasty, rule: nasty, message: nasty })));
    expect(parsed?.properties).toMatchObject({ file: nasty, title: nasty });
    expect(parsed?.message).toBe(nasty);
  });
});

describe('createOutput with the github reporter', () => {
  const doc = (diagnostics: Diagnostic[], slug = 'x'): DocumentReport => ({
    source: `content/${slug}.md`,
    slug,
    lang: 'en',
    status: 'failed',
    outputs: [],
    diagnostics,
  });

  it('prints each diagnostic as a workflow command in place of its human line, once', () => {
    const stream = new Capture(false);
    const out = createOutput({ reporter: 'github' }, stream);
    const shared = diagnostic({ file: 'content/_partials/p.md', severity: 'warning', rule: 'reading-level', message: 'Hard: 50%' });
    out.plan(2);
    out.document(doc([diagnostic(), shared], 'x'));
    out.document(doc([shared], 'y'));
    out.done();
    expect(stream.text.split('\n').filter(Boolean)).toEqual([
      '::error file=content/x.md,line=12,col=3,title=image-missing::Image file not found',
      '::warning file=content/_partials/p.md,line=12,col=3,title=reading-level::Hard: 50%25',
      '[1/2] ✗ content/x.md: failed',
      '[2/2] ✗ content/y.md: failed',
    ]);
  });

  it('never redraws a progress line, even on a terminal, so each command starts its own line', () => {
    const stream = new Capture(true);
    const out = createOutput({ reporter: 'github' }, stream);
    out.plan(1);
    out.document(doc([diagnostic()]));
    out.done();
    expect(stream.text).not.toContain('\r');
    expect(stream.text.startsWith('::error ')).toBe(true);
  });

  it('keeps --quiet: errors only', () => {
    const stream = new Capture(false);
    const out = createOutput({ reporter: 'github', quiet: true }, stream);
    out.document(doc([diagnostic(), diagnostic({ severity: 'warning', line: 1 })]));
    expect(stream.text).toBe('::error file=content/x.md,line=12,col=3,title=image-missing::Image file not found\n');
  });

  it('prints human lines by default and with `human`', () => {
    for (const reporter of [undefined, 'human'] as const) {
      const stream = new Capture(false);
      createOutput({ reporter, quiet: true }, stream).document(doc([diagnostic()]));
      expect(stream.text).toBe('content/x.md:12:3 error Image file not found  image-missing\n');
    }
  });
});
