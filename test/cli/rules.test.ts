import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Diagnostic } from '../../src/report/types.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/project.js';

const TODAY = ['--today', '2026-12-01'];

/** One fixture folder per rule: the exact messages `handouts check` must give, and its exit code. */
const CASES: { fixture: string; code: number; expected: Partial<Record<keyof Diagnostic, unknown>>[] }[] = [
  {
    fixture: 'front-matter',
    code: 1,
    expected: [
      { file: 'content/doc.md', line: 4, column: 1, severity: 'error', rule: 'front-matter', message: 'Unknown field `sumary`; did you mean `summary`?' },
    ],
  },
  { fixture: 'include-missing', code: 1, expected: [{ file: 'content/doc.md', line: 15, column: 1, severity: 'error', rule: 'include-missing' }] },
  { fixture: 'include-cycle', code: 1, expected: [{ file: 'content/_partials/b.md', line: 5, column: 3, severity: 'error', rule: 'include-cycle' }] },
  { fixture: 'include-outside', code: 1, expected: [{ file: 'content/doc.md', line: 13, column: 1, severity: 'error', rule: 'include-outside' }] },
  {
    fixture: 'image-missing',
    code: 1,
    expected: [
      {
        file: 'content/doc.md',
        line: 13,
        column: 15,
        severity: 'error',
        rule: 'image-missing',
        message: 'Image file not found: `img/mri.png` (looked for `content/img/mri.png`)',
      },
    ],
  },
  { fixture: 'image-alt', code: 1, expected: [{ file: 'content/doc.md', line: 13, column: 1, severity: 'error', rule: 'image-alt' }] },
  {
    fixture: 'link-broken',
    code: 1,
    expected: [
      {
        file: 'content/doc.md',
        line: 13,
        column: 6,
        severity: 'error',
        rule: 'link-broken',
        message: 'Link to `#sectoin` matches no heading in this document (headings: #section, #what-you-can-do)',
      },
      {
        file: 'content/doc.md',
        line: 13,
        column: 32,
        severity: 'error',
        rule: 'link-broken',
        message: 'Link to `other.md`: no such file in the content folder',
      },
    ],
  },
  {
    fixture: 'reading-level',
    code: 0,
    expected: [
      { file: 'content/doc.md', line: 1, column: 1, severity: 'warning', rule: 'reading-level' },
      { file: 'content/doc.md', line: 13, column: 1, severity: 'warning', rule: 'reading-level' },
      { file: 'content/doc.md', line: 15, column: 1, severity: 'warning', rule: 'reading-level' },
    ],
  },
  {
    fixture: 'review-due',
    code: 1,
    expected: [
      {
        file: 'content/doc.md',
        line: 5,
        column: 1,
        severity: 'error',
        rule: 'review-due',
        message: 'Review was due on 2026-11-15 (16 days ago): review the content, then update `reviewed` and `review_due`',
      },
    ],
  },
  {
    fixture: 'review-soon',
    code: 0,
    expected: [{ file: 'content/doc.md', line: 5, column: 1, severity: 'warning', rule: 'review-due', message: 'Review is due on 2026-12-20, in 19 days' }],
  },
  { fixture: 'sources', code: 1, expected: [{ file: 'content/doc.md', line: 2, column: 1, severity: 'error', rule: 'sources' }] },
  { fixture: 'directive-unknown', code: 1, expected: [{ file: 'content/doc.md', line: 15, column: 1, severity: 'error', rule: 'directive-unknown' }] },
  { fixture: 'disclaimer', code: 1, expected: [{ file: 'templates/handout/handout.liquid', line: 1, column: 1, severity: 'error', rule: 'disclaimer' }] },
  {
    fixture: 'plain-words',
    code: 0,
    expected: [
      {
        file: 'content/doc.md',
        line: 13,
        column: 5,
        severity: 'warning',
        rule: 'plain-words',
        message: '“efficacy”: say “how well it works” instead, or explain it where it is used',
        suggestions: ['how well it works'],
      },
    ],
  },
  {
    fixture: 'passive-voice',
    code: 0,
    expected: [
      {
        file: 'content/doc.md',
        line: 13,
        column: 21,
        severity: 'warning',
        rule: 'passive-voice',
        message: 'Passive voice (“were given”): “In trials, patients were given stem cells.” Say who does what.',
      },
    ],
  },
  {
    fixture: 'long-sentence',
    code: 0,
    expected: [
      {
        file: 'content/doc.md',
        line: 13,
        column: 1,
        severity: 'warning',
        rule: 'long-sentence',
        message: expect.stringMatching(/^Long sentence \(22 words; keep to 20 or fewer\)/),
      },
    ],
  },
  {
    fixture: 'actionable',
    code: 0,
    expected: [
      {
        file: 'content/doc.md',
        line: 2,
        column: 1,
        severity: 'warning',
        rule: 'actionable',
        message: expect.stringMatching(/^No section tells the reader what to do/),
      },
    ],
  },
];

describe('content rules (handouts check on one fixture folder per rule)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it.each(CASES)('$fixture', async ({ fixture, code, expected }) => {
    const project = tempProject(`rules/${fixture}`);
    cleanup = project.cleanup;
    const result = await runCli(project.dir, ['check', '--json', ...TODAY]);
    expect(result.code).toBe(code);
    const [doc] = result.json().documents;
    expect(doc.diagnostics).toHaveLength(expected.length);
    expect(doc.diagnostics).toEqual(expected.map((e) => expect.objectContaining(e)));
    for (const d of expected) expect(result.stderr).toContain(`${d.file}:${d.line}:${d.column} ${d.severity}`);
  });

  it('reports the reading figures, which --strict turns into a failure', async () => {
    const project = tempProject('rules/reading-level');
    cleanup = project.cleanup;
    const relaxed = await runCli(project.dir, ['check', '--json', ...TODAY]);
    expect(relaxed.json().documents[0].readability).toMatchObject({ target: 8, sentences: 5 });
    expect(relaxed.json().documents[0].readability.grade).toBeGreaterThan(20);
    const strict = await runCli(project.dir, ['check', '--json', '--strict', ...TODAY]);
    expect(strict.code).toBe(1);
    expect(strict.json().documents[0].diagnostics.every((d: Diagnostic) => d.severity === 'error')).toBe(true);
  });

  it('takes rule severities and thresholds from the config file', async () => {
    const project = tempProject('rules/image-alt');
    cleanup = project.cleanup;
    writeFileSync(path.join(project.dir, 'handouts.config.yaml'), 'rules:\n  image-alt: warn\n  reading-level: off\n');
    const warned = await runCli(project.dir, ['check', '--json', ...TODAY]);
    expect(warned.code).toBe(0);
    expect(warned.json().documents[0].diagnostics).toEqual([expect.objectContaining({ rule: 'image-alt', severity: 'warning' })]);

    const reading = tempProject('rules/review-soon');
    cleanup = () => {
      project.cleanup();
      reading.cleanup();
    };
    writeFileSync(path.join(reading.dir, 'handouts.config.yaml'), 'rules:\n  review-due:\n    warn_days: 10\n');
    const quiet = await runCli(reading.dir, ['check', '--json', ...TODAY]);
    expect(quiet.json().documents[0].diagnostics).toEqual([]);
  });

  it("passes the project's own content, English and Spanish, with no warning, and counts each plain-language rule", async () => {
    const project = tempProject();
    cleanup = project.cleanup;
    const result = await runCli(project.dir, ['check', '--json', ...TODAY]);
    expect(result.code).toBe(0);
    const documents = result.json().documents as { source: string; diagnostics: Diagnostic[]; readability: Record<string, unknown>; plain_language: unknown }[];
    expect(documents).toHaveLength(6);
    for (const doc of documents) {
      expect(doc.diagnostics, doc.source).toEqual([]);
      expect(doc.plain_language, doc.source).toEqual({ counts: { 'plain-words': 0, 'passive-voice': 0, 'long-sentence': 0, actionable: 0 }, actions: true });
      // English within grade 8, Spanish at 65 or more on the INFLESZ scale.
      if (doc.source.startsWith('content/es/')) expect(doc.readability).toMatchObject({ scale: 'INFLESZ', band: expect.stringMatching(/fácil/) });
      else expect(doc.readability.grade as number).toBeLessThanOrEqual(8);
    }
  });

  it('takes today from SOURCE_DATE_EPOCH when no --today is given', async () => {
    const project = tempProject('rules/review-due');
    cleanup = project.cleanup;
    const before = await runCli(project.dir, ['check', '--json'], { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 1) / 1000) });
    expect(before.code).toBe(0);
    const after = await runCli(project.dir, ['check', '--json'], { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 20) / 1000) });
    expect(after.code).toBe(1);
    expect(after.json().documents[0].diagnostics[0]).toMatchObject({ rule: 'review-due', message: expect.stringContaining('5 days ago') });
  });
});

describe('slide-overflow (measured in the browser at build time)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('points at the heading of the slide that is too tall, and still builds', async () => {
    const project = tempProject('rules/slide-overflow');
    cleanup = project.cleanup;
    const result = await runCli(project.dir, ['build', '--json', '--format', 'slides-pdf', '--browser-endpoint', inject('browserEndpoint'), ...TODAY]);
    expect(result.code).toBe(0);
    const [doc] = result.json().documents;
    expect(doc.status).toBe('built');
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/doc.md',
        line: 15,
        column: 1,
        severity: 'warning',
        rule: 'slide-overflow',
        message: expect.stringMatching(/^Slide 3 \(“Long section”\) is \d+px taller than the slide/),
      }),
    ]);
  });
});
