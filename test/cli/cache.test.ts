import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allFormats } from '../../src/formats/registry.js';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/project.js';

/** Incremental builds: which documents a change rebuilds, and what the cache refuses to trust. */
describe('incremental builds', () => {
  let project: ReturnType<typeof tempProject>;
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const build = async (...args: string[]) => {
    const result = await runCli(project.dir, ['build', '--json', '--browser-endpoint', inject('browserEndpoint'), '--today', '2026-12-01', ...args]);
    expect(result.stderr).not.toContain(' error ');
    const statuses = Object.fromEntries(result.json().documents.map((d: { slug: string; status: string }) => [d.slug, d.status]));
    return { ...result, statuses };
  };

  beforeEach(async () => {
    project = tempProject('cache');
    expect((await build()).statuses).toEqual({ alpha: 'built', beta: 'built', gamma: 'built' });
  });
  afterEach(() => project.cleanup());

  it('skips everything when nothing changed, and touches no file', async () => {
    const before = statSync(file('output/en/alpha/handout.pdf')).mtimeMs;
    const manifest = statSync(file('output/manifest.json')).mtimeMs;
    const result = await build();
    expect(result.statuses).toEqual({ alpha: 'skipped', beta: 'skipped', gamma: 'skipped' });
    expect(result.json().summary).toMatchObject({ built: 0, skipped: 3, failed: 0 });
    expect(result.json().documents[0].outputs).toHaveLength(allFormats().length);
    expect(statSync(file('output/en/alpha/handout.pdf')).mtimeMs).toBe(before);
    expect(statSync(file('output/manifest.json')).mtimeMs).toBe(manifest);
  });

  it('rebuilds exactly the documents that include a changed partial', async () => {
    appendFileSync(file('content/_partials/shared.md'), '- A new shared point\n');
    expect((await build()).statuses).toEqual({ alpha: 'built', beta: 'skipped', gamma: 'built' });
    expect(readFileSync(file('output/en/gamma/handout.html'), 'utf8')).toContain('A new shared point');
  });

  it('rebuilds only the changed document when its own source changes', async () => {
    appendFileSync(file('content/beta.md'), '- Another beta point\n');
    expect((await build()).statuses).toEqual({ alpha: 'skipped', beta: 'built', gamma: 'skipped' });
  });

  it('rebuilds every document when a template changes', async () => {
    appendFileSync(file('templates/handout/handout.css'), '\n.extra { color: red; }\n');
    expect((await build()).statuses).toEqual({ alpha: 'built', beta: 'built', gamma: 'built' });
  });

  it('rebuilds a deleted output, and only that one', async () => {
    rmSync(file('output/en/beta/slides.pdf'));
    const handout = statSync(file('output/en/beta/handout.pdf')).mtimeMs;
    const result = await build();
    expect(result.statuses).toEqual({ alpha: 'skipped', beta: 'built', gamma: 'skipped' });
    expect(statSync(file('output/en/beta/slides.pdf')).size).toBeGreaterThan(1000);
    expect(statSync(file('output/en/beta/handout.pdf')).mtimeMs).toBe(handout);
  });

  it('does not trust an output changed on disk or a corrupt cache entry', async () => {
    const pdf = file('output/en/alpha/handout.pdf');
    const bytes = readFileSync(pdf);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff; // same size, other bytes
    writeFileSync(pdf, bytes);
    const cacheFile = file('output/.handouts-cache.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    cache.entries['content/gamma.md'].outputs = 'not a list';
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect((await build()).statuses).toEqual({ alpha: 'built', beta: 'skipped', gamma: 'built' });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    writeFileSync(cacheFile, '{ this is not json');
    expect((await build()).statuses).toEqual({ alpha: 'built', beta: 'built', gamma: 'built' });
  });

  /** Which outputs of alpha were written again, by comparing time stamps. */
  const rewritten = (before: Record<string, number>) => Object.keys(before).filter((name) => statSync(file('output/en/alpha', name)).mtimeMs !== before[name]);
  const stamps = () =>
    Object.fromEntries(['handout.pdf', 'handout.html', 'slides.pdf', 'slides.html'].map((n) => [n, statSync(file('output/en/alpha', n)).mtimeMs]));

  it('rebuilds the PDFs, and only them, when the build date (SOURCE_DATE_EPOCH) changes', async () => {
    const before = stamps();
    const result = await runCli(project.dir, ['build', '--json', '--browser-endpoint', inject('browserEndpoint'), '--today', '2026-12-01'], {
      SOURCE_DATE_EPOCH: '1790000000',
    });
    expect(result.code).toBe(0);
    expect(result.json().summary).toMatchObject({ built: 3, skipped: 0 });
    expect(rewritten(before).sort()).toEqual(['handout.pdf', 'slides.pdf']);
  });

  it('rebuilds the handouts, not the decks, when the paper size changes', async () => {
    const before = stamps();
    expect((await build('--config', writeConfig('paper: Letter'))).statuses).toEqual({ alpha: 'built', beta: 'built', gamma: 'built' });
    expect(rewritten(before).sort()).toEqual(['handout.html', 'handout.pdf']);
  });

  it('rebuilds what the browser prints, and only that, when the browser changes', async () => {
    const before = stamps();
    const result = await runCli(project.dir, ['build', '--json', '--browser', inject('browserPath'), '--today', '2026-12-01']);
    expect(result.code).toBe(0);
    expect(result.json().summary).toMatchObject({ built: 3, skipped: 0 });
    expect(rewritten(before).sort()).toEqual(['handout.pdf', 'slides.pdf']);
  });

  const writeConfig = (text: string) => {
    writeFileSync(file('handouts.config.yaml'), `${text}\n`);
    return file('handouts.config.yaml');
  };

  it('rebuilds everything with --force, giving byte-identical files', async () => {
    const names = ['handout.pdf', 'handout.html', 'slides.pdf', 'slides.html'].map((n) => file('output/en/alpha', n));
    const before = names.map((n) => readFileSync(n));
    const result = await build('--force');
    expect(result.statuses).toEqual({ alpha: 'built', beta: 'built', gamma: 'built' });
    names.forEach((n, i) => {
      expect(readFileSync(n).equals(before[i]!), n).toBe(true);
    });
  });
});

describe('a page that takes too long', () => {
  it('fails that document with a clear message instead of hanging the build', async () => {
    const project = tempProject('cache');
    try {
      // Long enough that no machine lays it out and prints it within the 1 ms allowed.
      appendFileSync(path.join(project.dir, 'content/beta.md'), Array.from({ length: 3000 }, (_, i) => `- Point ${i} of a very long list\n`).join(''));
      const result = await runCli(project.dir, [
        'build',
        'content/beta.md',
        '--json',
        '--format',
        'handout-pdf',
        '--timeout',
        '0.001',
        '--browser-endpoint',
        inject('browserEndpoint'),
      ]);
      expect(result.code).toBe(1);
      const [doc] = result.json().documents;
      expect(doc.status).toBe('failed');
      expect(doc.diagnostics, JSON.stringify(doc.diagnostics)).toEqual([
        expect.objectContaining({ rule: 'render', severity: 'error', message: expect.stringMatching(/^Rendering failed: .*(timed out|Timeout|exceeded)/i) }),
      ]);
    } finally {
      project.cleanup();
    }
  });
});
