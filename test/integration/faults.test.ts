import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { EnvironmentError } from '../../src/core/errors.js';
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

/** A project of twelve documents: the clinic's three conditions, four times each. */
function twelveDocuments(): { dir: string; cleanup: () => void } {
  const project = tempProject();
  for (const name of ['multiple-sclerosis', 'spinal-cord-injury', 'sjogrens-syndrome']) {
    const text = readFileSync(path.join(project.dir, 'content', `${name}.md`), 'utf8');
    for (const n of [2, 3, 4]) writeFileSync(path.join(project.dir, 'content', `${name}-${n}.md`), text.replace(/^title: (.*)$/m, `title: $1 (${n})`));
  }
  rmSync(path.join(project.dir, 'content/es'), { recursive: true });
  return project;
}

/** A small seeded generator (mulberry32): the same seed gives the same moments. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Kills the manager's browser once after each delay, each counted from the moment a browser is
 * running again; stops when told to, or when the delays run out. Returns how many it killed.
 */
function killer(manager: BrowserManager, delays: readonly number[]) {
  let stop = false;
  let killed = 0;
  const done = (async () => {
    for (const delay of delays) {
      const browser = await manager.browser().catch(() => undefined);
      if (!browser || stop) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stop || !browser.connected) continue;
      const gone = new Promise((resolve) => browser.once('disconnected', resolve));
      browser.process()?.kill('SIGKILL');
      killed++;
      await gone;
    }
  })();
  return {
    finish: async () => {
      stop = true;
      await done;
      return killed;
    },
  };
}

const SOME_FORMATS = ['handout-pdf', 'brochure-pdf', 'slides-pdf', 'slides-pptx', 'slides-png'];

describe('when Chromium is killed 1 to 3 times at random moments of a 12-document build', () => {
  const project = twelveDocuments();
  afterAll(() => project.cleanup());

  for (const [kills, seed] of [
    [1, 11],
    [2, 22],
    [3, 33],
  ] as const) {
    it(`finishes with every document built (${kills} kill${kills > 1 ? 's' : ''}, seed ${seed})`, async () => {
      const manager = new BrowserManager({ executablePath: inject('browserPath'), maxPages: 2 });
      const next = random(seed);
      // Between 0.2 and 2 s after the browser is (again) running: in a launch, a print, a picture, a write.
      const delays = Array.from({ length: kills }, () => 200 + Math.floor(next() * 1800));
      const kill = killer(manager, delays);
      try {
        const config = resolveConfig({ flags: { formats: SOME_FORMATS, concurrency: 2 }, cwd: project.dir, now: new Date('2026-12-01') });
        const report = await build({ config, cwd: project.dir, browser: manager, force: true });
        const killed = await kill.finish();
        expect(killed, `delays ${delays.join(', ')} ms`).toBe(kills);
        expect(report.summary).toMatchObject({ built: 12, failed: 0 });
        for (const doc of report.documents) {
          expect(doc.failures).toBeUndefined();
          expect(doc.outputs.map((o) => o.format)).toEqual(SOME_FORMATS);
          const handout = await readPdf(path.join(project.dir, doc.outputs[0]!.file));
          expect(handout.title).toBe(doc.title);
        }
      } finally {
        await kill.finish();
        await manager.dispose();
      }
      // Twelve documents, five formats each, up to three browser starts: about 40 s on an idle
      // 2-core machine, longer on a busy one. A hang is still caught, at three minutes.
    }, 180_000);
  }

  it('ends the build with a message a person understands when the browser keeps dying, and keeps what was built', async () => {
    const manager = new BrowserManager({ executablePath: inject('browserPath'), maxPages: 2 });
    // Every browser is killed soon after it starts, far more often than a build accepts.
    const kill = killer(
      manager,
      Array.from({ length: 12 }, () => 300),
    );
    try {
      const config = resolveConfig({ flags: { formats: SOME_FORMATS, concurrency: 2 }, cwd: project.dir, now: new Date('2026-12-01') });
      const error = await build({ config, cwd: project.dir, browser: manager, force: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      await kill.finish();
      expect(error).toBeInstanceOf(EnvironmentError);
      expect((error as EnvironmentError).exitCode).toBe(3);
      expect((error as Error).message).toBe('The browser stopped 5 times in this build; it may be out of memory.');
      expect((error as EnvironmentError).hint).toContain('--concurrency 1');
      // The catalog and manifest were still written for what was built before the end.
      expect(existsSync(path.join(project.dir, 'output/manifest.json'))).toBe(true);
    } finally {
      await kill.finish();
      await manager.dispose();
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
