import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { OutputFormat } from '../../src/formats/format.js';
import { registerFormat } from '../../src/formats/register.js';
import { build } from '../../src/pipeline/build.js';
import { check } from '../../src/pipeline/check.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/project.js';
import { TEST_STRINGS } from '../helpers/docs.js';

/** A format known only to this test: the registry is the one place it is named. */
const plainText: OutputFormat = {
  id: 'test-text',
  family: 'test',
  kind: 'txt',
  label: 'Plain text (test)',
  unit: 'pages',
  files: ['test.txt', 'test-paper.txt'],
  browser: false,
  settings: (config) => ({ paper: config.paper }),
  pageRules: [],
  async produce({ doc, config }) {
    return { files: { 'test.txt': `${doc.meta.title}\n`, 'test-paper.txt': `${config.paper}\n` } };
  },
};

describe('a format registered in one place', () => {
  const project = tempProject('cache');
  const unregister = registerFormat(plainText);
  afterAll(() => {
    unregister();
    project.cleanup();
  });
  const run = (paper: 'A4' | 'Letter') =>
    build({ config: resolveConfig({ flags: { formats: ['test'], paper }, cwd: project.dir, now: new Date('2026-12-01') }) });

  it('is built, writes every file it declares, and is listed in the catalog', async () => {
    const report = await run('A4');
    expect(report.summary).toMatchObject({ built: 3, failed: 0 });
    const alpha = report.documents.find((d) => d.slug === 'alpha')!;
    expect(alpha.outputs).toEqual([
      expect.objectContaining({ format: 'test-text', file: 'output/en/alpha/test.txt', files: ['output/en/alpha/test.txt', 'output/en/alpha/test-paper.txt'] }),
    ]);
    expect(readFileSync(path.join(project.dir, 'output/en/alpha/test-paper.txt'), 'utf8')).toBe('A4\n');
    expect(existsSync(path.join(project.dir, 'output/en/alpha/handout.pdf'))).toBe(false);
    const catalog = readFileSync(path.join(project.dir, 'output/index.html'), 'utf8');
    expect(catalog).toContain('Plain text (test)');
    expect(catalog).toContain('href="en/alpha/test.txt"');
  });

  it('is skipped when nothing changed, and rebuilt when a setting it declares changes', async () => {
    expect((await run('A4')).summary).toMatchObject({ built: 0, skipped: 3 });
    const letter = await run('Letter');
    expect(letter.summary).toMatchObject({ built: 3, skipped: 0 });
    expect(readFileSync(path.join(project.dir, 'output/en/beta/test-paper.txt'), 'utf8')).toBe('Letter\n');
  });

  it('is listed in --help and accepted by --format', async () => {
    const help = await runCli(project.dir, ['build', '--help']);
    expect(help.stdout).toMatch(/test-text\s+Plain text \(test\)\s+test\.txt, test-paper\.txt/);
    expect(help.stdout).toContain('--format <list>');
    const unknown = await runCli(project.dir, ['check', '--format', 'test-texts']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('test-text');
  });
});

describe('a format that fails', () => {
  const project = tempProject('cache');
  /** A format that cannot write its file (a full disk, a library's error): it throws, every time. */
  const broken: OutputFormat = {
    ...plainText,
    id: 'test-broken',
    label: 'Broken (test)',
    files: ['broken.bin'],
    async produce() {
      throw new Error('ENOSPC: no space left on device, write');
    },
  };
  const fine: OutputFormat = {
    ...plainText,
    id: 'test-fine',
    files: ['test.txt'],
    produce: async ({ doc }) => ({ files: { 'test.txt': `${doc.meta.title}\n` } }),
  };
  let unregister: (() => void)[] = [];
  beforeAll(() => {
    unregister = [registerFormat(fine), registerFormat(broken)];
  });
  afterAll(() => {
    for (const remove of unregister) remove();
    project.cleanup();
  });

  it('fails alone: the other formats are written, and the report names it, its error and where', async () => {
    const report = await build({ config: resolveConfig({ flags: { formats: ['test-fine', 'test-broken'] }, cwd: project.dir, now: new Date('2026-12-01') }) });
    expect(report.summary).toMatchObject({ built: 0, failed: 3 });
    for (const doc of report.documents) {
      expect(doc.outputs.map((o) => o.format)).toEqual(['test-fine']);
      expect(readFileSync(path.join(project.dir, 'output/en', doc.slug, 'test.txt'), 'utf8')).toBe(`${doc.title}\n`);
      expect(existsSync(path.join(project.dir, 'output/en', doc.slug, 'broken.bin'))).toBe(false);
      expect(doc.failures).toEqual([
        {
          format: 'test-broken',
          diagnostics: [
            {
              file: doc.source,
              line: 1,
              column: 1,
              severity: 'error',
              rule: 'render',
              format: 'test-broken',
              message: 'Rendering failed: ENOSPC: no space left on device, write',
            },
          ],
        },
      ]);
    }
    // The command exits 1, so CI sees it.
    const cli = await runCli(project.dir, ['build', '--format', 'test-fine,test-broken', '--today', '2026-12-01']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('content/alpha.md:1:1 error Rendering failed: ENOSPC: no space left on device, write  render');
    expect(cli.stderr).toContain('✗ content/alpha.md: test-broken failed; the others are current: test.txt');
  });
});

describe('page rules, through the registry, on what a format rendered', () => {
  const project = tempProject('cache');
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  let unregister = () => {};
  afterEach(() => unregister());
  afterAll(async () => {
    await browser.dispose();
    project.cleanup();
  });
  /** A printed format whose page says `body`; it lists the disclaimer rule. */
  const printed = (id: string, body: string): OutputFormat => ({
    id,
    family: 'test',
    kind: 'pdf',
    label: `Test page ${id}`,
    unit: 'pages',
    files: [`${id}.pdf`],
    browser: true,
    settings: () => ({}),
    pageRules: ['disclaimer'],
    page: async () => `<!doctype html><html><body>${body}</body></html>`,
    async produce(context) {
      const pdf = await context.print(await this.page!(context), id);
      return { files: { [`${id}.pdf`]: pdf.bytes }, pages: pdf.pages, findings: pdf.findings };
    },
  });
  const disclaimer = () => TEST_STRINGS.disclaimer;

  it('fails a document whose page lacks the disclaimer, and passes one that shows it', async () => {
    unregister = registerFormat(printed('test-bare', '<p>No disclaimer here.</p>'));
    const config = resolveConfig({ flags: { formats: ['test-bare'] }, cwd: project.dir, now: new Date('2026-12-01') });
    const report = await build({ config, sources: ['content/alpha.md'], browser });
    expect(report.documents[0]).toMatchObject({ status: 'failed' });
    expect(report.documents[0]!.diagnostics).toContainEqual(expect.objectContaining({ rule: 'disclaimer', severity: 'error', line: 1, column: 1 }));
    unregister();

    unregister = registerFormat(printed('test-shown', `<p>${disclaimer()}</p>`));
    const shown = await build({
      config: resolveConfig({ flags: { formats: ['test-shown'] }, cwd: project.dir, now: new Date('2026-12-01') }),
      sources: ['content/alpha.md'],
      browser,
    });
    expect(shown.documents[0]).toMatchObject({ status: 'built', diagnostics: [] });
  });

  it('does not count a disclaimer that the printed page hides', async () => {
    unregister = registerFormat(printed('test-hidden', `<p style="display:none">${disclaimer()}</p>`));
    const config = resolveConfig({ flags: { formats: ['test-hidden'] }, cwd: project.dir, now: new Date('2026-12-01') });
    const report = await build({ config, sources: ['content/alpha.md'], browser });
    expect(report.documents[0]!.diagnostics.map((d) => d.rule)).toContain('disclaimer');
    // `check` renders nothing; it reads the page's text, where the words are present.
    const checked = await check({ config, sources: ['content/alpha.md'] });
    expect(checked.documents[0]!.diagnostics.map((d) => d.rule)).not.toContain('disclaimer');
  });
});
