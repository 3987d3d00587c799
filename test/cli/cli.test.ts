import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, inject, it, onTestFinished } from 'vitest';
import { allFormats } from '../../src/formats/registry.js';
import { readPdf } from '../helpers/pdf.js';
import { REPO, tempProject } from '../helpers/project.js';

const run = promisify(execFile);
const BIN = path.join(REPO, 'bin/handouts.js');

/** Runs the built command as a user would, rendering through the test run's shared browser. */
async function handouts(cwd: string, args: string[], options: { browser?: boolean } = {}) {
  const extra = options.browser === false ? [] : ['--browser-endpoint', inject('browserEndpoint')];
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args, ...extra], {
      cwd,
      env: { ...process.env, CI: 'true', HANDOUTS_TODAY: '2026-12-01' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('handouts build (the built command, run as a process)', () => {
  let project = tempProject('two-docs');
  afterEach(() => project.cleanup());
  const reset = () => {
    project.cleanup();
    project = tempProject('two-docs');
    return project.dir;
  };
  const file = (...parts: string[]) => path.join(project.dir, ...parts);

  it('exits 0 and writes the four outputs when every named document builds', async () => {
    const cwd = reset();
    const result = await handouts(cwd, ['build', 'content/good.md']);
    expect(result.stderr).toContain('✓ content/good.md');
    expect(result.code).toBe(0);
    for (const name of ['handout.pdf', 'handout.html', 'slides.pdf', 'slides.html']) expect(existsSync(file('output/en/good', name))).toBe(true);
    expect(existsSync(file('output/index.html'))).toBe(true);
    const handout = await readPdf(file('output/en/good/handout.pdf'));
    expect(handout.text.join(' ')).toContain('Shared prose.');
    expect(handout.title).toBe('Good handout');
  });

  it('exits 1 when a document fails, reports it located, and still builds the others', async () => {
    const cwd = reset();
    const result = await handouts(cwd, ['build', '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/bad.md:2:1 error Missing required field `title`  front-matter');
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ built: 1, failed: 1, skipped: 0 });
    const bad = report.documents.find((d: { slug: string }) => d.slug === 'bad');
    expect(bad).toMatchObject({ source: 'content/bad.md', status: 'failed', outputs: [] });
    expect(bad.diagnostics).toEqual([
      { file: 'content/bad.md', line: 2, column: 1, severity: 'error', rule: 'front-matter', message: 'Missing required field `title`' },
    ]);
    const good = report.documents.find((d: { slug: string }) => d.slug === 'good');
    expect(good.status).toBe('built');
    // Every registered format, in the registry's order, each at its main file.
    expect(good.outputs.map((o: { format: string; file: string }) => [o.format, o.file])).toEqual(
      allFormats().map((format) => [format.id, `output/en/good/${format.files[0]}`]),
    );
    expect(good.outputs.map((o: { format: string }) => o.format)).toEqual(expect.arrayContaining(['handout-pdf', 'brochure-pdf', 'slides-pptx']));
    const pages = Object.fromEntries(good.outputs.map((o: { format: string; pages?: number }) => [o.format, o.pages]));
    expect(pages).toMatchObject({ 'brochure-pdf': 2, 'slides-pdf': 4 });
    expect(existsSync(file('output/en/bad'))).toBe(false);
  });

  it('keeps the previous outputs of a document that now fails', async () => {
    const cwd = reset();
    expect((await handouts(cwd, ['build', 'content/good.md'])).code).toBe(0);
    const before = readFileSync(file('output/en/good/handout.pdf'));
    const source = file('content/good.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('reviewed: 2026-10-01', 'reviewed: someday'));
    const result = await handouts(cwd, ['build', 'content/good.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/good\.md:5:11 error `reviewed`: must be a date written YYYY-MM-DD {2}front-matter/);
    expect(readFileSync(file('output/en/good/handout.pdf'))).toEqual(before);
    const manifest = JSON.parse(readFileSync(file('output/manifest.json'), 'utf8'));
    expect(manifest.documents[0]).toMatchObject({ status: 'failed', outputs: allFormats().map((format) => ({ file: `output/en/good/${format.files[0]}` })) });
  });

  it('gives byte-identical files on a rebuild of the same sources', async () => {
    const cwd = reset();
    await handouts(cwd, ['build', 'content/good.md', '--quiet', '--print-ready']);
    const made = [
      'handout.pdf',
      'handout-print.pdf',
      'handout.html',
      'large-print.pdf',
      'large-print-print.pdf',
      'brochure.pdf',
      'brochure-print.pdf',
      'slides.pdf',
      'slides.html',
    ];
    const names = made.map((n) => file('output/en/good', n));
    const first = [...names, file('output/manifest.json'), file('output/index.html')].map((n) => readFileSync(n));
    const mtime = statSync(names[0]!).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await handouts(cwd, ['build', 'content/good.md', '--quiet', '--force', '--print-ready']);
    expect(statSync(names[0]!).mtimeMs).toBeGreaterThan(mtime);
    const second = [...names, file('output/manifest.json'), file('output/index.html')].map((n) => readFileSync(n));
    second.forEach((bytes, i) => {
      expect(bytes.equals(first[i]!), `${made[i] ?? 'an index'} differs`).toBe(true);
    });
    // Without --print-ready the print-shop files are removed; the ordinary ones stay, unchanged.
    await handouts(cwd, ['build', 'content/good.md', '--quiet']);
    expect(existsSync(file('output/en/good/brochure-print.pdf'))).toBe(false);
    expect(existsSync(file('output/en/good/handout-print.pdf'))).toBe(false);
    expect(readFileSync(file('output/en/good/brochure.pdf')).equals(first[5]!)).toBe(true);
  });

  it('exits 2 on usage and configuration errors, before rendering anything', async () => {
    const cwd = reset();
    const format = await handouts(cwd, ['build', '--format', 'poster']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Unknown format `poster`');
    const flag = await handouts(cwd, ['build', '--no-such-flag']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--no-such-flag'");
    writeFileSync(file('handouts.config.yaml'), 'paper: A4\ncontnet: pages\n');
    const config = await handouts(cwd, ['build']);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('handouts.config.yaml:2:1 error Unknown field `contnet`; did you mean `content`?');
    const source = await handouts(cwd, ['build', 'content/missing.md', '--config', 'handouts.config.yaml']);
    expect(source.code).toBe(2);
    expect(existsSync(file('output'))).toBe(false);
  });

  it('exits 3 with what it tried when the browser cannot be used', async () => {
    const cwd = reset();
    const result = await handouts(cwd, ['build', '--browser', '/nonexistent/chrome'], { browser: false });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('No usable browser found. Tried:');
    expect(result.stderr).toContain('--browser /nonexistent/chrome: does not exist');
    expect(result.stderr).toContain('CHROME_PATH');
  });

  it('prints help and version with exit 0', async () => {
    const help = await handouts(REPO, ['build', '--help'], { browser: false });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--browser-endpoint <url>');
    const version = await handouts(REPO, ['--version'], { browser: false });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });
});

describe('handouts check', () => {
  const project = tempProject('two-docs');
  afterEach(() => project.cleanup());

  it('validates without rendering or writing, exit 1 on errors', async () => {
    const result = await handouts(project.dir, ['check'], { browser: false });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/bad.md:2:1 error Missing required field `title`  front-matter');
    expect(existsSync(path.join(project.dir, 'output'))).toBe(false);
    const good = await handouts(project.dir, ['check', 'content/good.md'], { browser: false });
    expect(good.code).toBe(0);
  });

  it('writes a --json report larger than a pipe holds whole before the command leaves', async () => {
    const own = tempProject('two-docs');
    onTestFinished(() => own.cleanup());
    // Each copy links to 60 headings it lacks: 60 located errors apiece, some 700 KB of report.
    const links = Array.from({ length: 60 }, (_, i) => `See [part ${i}](#missing-part-${i}).`).join('\n\n');
    const text = `${readFileSync(path.join(own.dir, 'content/good.md'), 'utf8')}\n\n${links}\n`;
    for (let i = 0; i < 50; i++) writeFileSync(path.join(own.dir, `content/copy-${String(i).padStart(3, '0')}.md`), text);
    // A reader that is slow to read: when the command says it is done (its summary on stderr, just
    // before the report), this process takes nothing from the pipe for a second. The pipe holds a
    // few hundred KB; a command that left without flushing would lose the rest of its report.
    const child = spawn(process.execPath, [BIN, 'check', '--json'], { cwd: own.dir, env: { ...process.env, CI: 'true' } });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('documents: checked')) return;
      const until = Date.now() + 1000;
      while (Date.now() < until); // busy on purpose: the pipe is not read meanwhile
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stdout.length).toBeGreaterThan(500_000);
    expect(JSON.parse(stdout).documents).toHaveLength(52);
  }, 60_000);
});
