import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { build } from '../../src/pipeline/build.js';
import { readPdf } from '../helpers/pdf.js';
import { processesMentioning } from '../helpers/processes.js';
import { REPO, tempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

/** Every file below a folder, recursively. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}


// These tests must stop a browser, so they start their own instead of the run's shared one.
describe('when Chromium dies in the middle of a build', () => {
  const project = tempProject();
  afterAll(() => project.cleanup());

  it('starts it again, renders the affected documents once more, and finishes with correct PDFs', async () => {
    const browser = new BrowserManager({ executablePath: inject('browserPath'), maxPages: 2 });
    let killed = false;
    try {
      const config = resolveConfig({ flags: { formats: ['pdf'] }, cwd: project.dir, now: new Date('2026-12-01') });
      const report = await build({
        config,
        cwd: project.dir,
        browser,
        onDocument: () => {
          if (killed) return;
          killed = true;
          void browser.browser().then((b) => b.process()?.kill('SIGKILL'));
        },
      });
      expect(killed).toBe(true);
      expect(report.summary).toMatchObject({ built: 6, failed: 0 });
      // The retry really ran: the report names the documents rendered again after the restart.
      expect(report.restarts?.length).toBeGreaterThanOrEqual(1);
      for (const { document } of report.restarts!) expect(report.documents.map((d) => d.source)).toContain(document);
      for (const doc of report.documents) {
        for (const output of doc.outputs) {
          const pdf = await readPdf(path.join(project.dir, output.file));
          expect(pdf.pages).toBeGreaterThan(1);
          expect(pdf.title).toBe(doc.title);
        }
      }
    } finally {
      await browser.dispose();
    }
  });
});

describe('when the build is interrupted', () => {
  it('leaves no partial file, temporary folder or browser process behind (SIGINT)', async () => {
    const project = tempProject();
    const temp = mkdtempSync(path.join(tmpdir(), 'handouts-sigint-'));
    try {
      const child = spawn(process.execPath, [path.join(REPO, 'bin/handouts.js'), 'build', '--browser', inject('browserPath'), '--concurrency', '1'], {
        cwd: project.dir,
        env: { ...process.env, TMPDIR: temp, HANDOUTS_TODAY: '2026-12-01' },
      });
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await new Promise<void>((resolve) =>
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
          if (stderr.includes('✓ ')) resolve();
        }),
      );
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toContain('Stopped by SIGINT');
      const written = files(path.join(project.dir, 'output'));
      expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      for (const pdf of written.filter((f) => f.endsWith('.pdf'))) expect((await readPdf(pdf)).pages).toBeGreaterThan(0);
      expect(readdirSync(temp).filter((name) => name.startsWith('handouts-profile-'))).toEqual([]);
      expect(processesMentioning(temp)).toEqual([]);
    } finally {
      project.cleanup();
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('an output folder that cannot be written', () => {
  it('exits 3 with a clear message before rendering anything', async () => {
    const project = tempProject();
    try {
      writeFileSync(path.join(project.dir, 'not-a-folder'), 'x');
      const blocked = await runCli(project.dir, ['build', '--out', 'not-a-folder/output', '--browser-endpoint', inject('browserEndpoint')]);
      expect(blocked.code).toBe(3);
      expect(blocked.stderr).toMatch(/error: Cannot write `.*not-a-folder\/output\/\.handouts-write-check`/);
      expect(blocked.stderr).toContain('Check that the output folder (--out) is writable');
      const readOnly = await runCli(project.dir, ['build', '--out', '/sys/handouts-output', '--browser-endpoint', inject('browserEndpoint')]);
      expect(readOnly.code).toBe(3);
      expect(readOnly.stderr).toContain('error: Cannot write');
    } finally {
      project.cleanup();
    }
  });
});
