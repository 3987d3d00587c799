import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectBrowser } from '../../src/browser/connect.js';
import { launchArgs } from '../../src/browser/flags.js';
import { BrowserManager } from '../../src/browser/manager.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { EnvironmentError } from '../../src/core/errors.js';
import { build } from '../../src/pipeline/build.js';
import { readPdf } from '../helpers/pdf.js';
import { tempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

const TODAY = new Date('2026-12-01');
const FORMATS = ['handout-pdf', 'slides-pdf'];

interface RemoteChromium {
  /** The `ws://` URL from the `DevTools listening on` line. */
  endpoint: string;
  port: number;
  child: ChildProcess;
  /** SIGKILLs the browser and every process it started, and waits until they are gone. */
  kill: () => Promise<void>;
}

/**
 * A Chromium of this test's own, started the way a remote one is (by someone else, with a
 * debugging port), with the switches the tool launches with: the tests stop it, so it cannot be
 * the run's shared browser. It gets its own process group, so killing the group leaves none of
 * its helpers (zygote, renderers) behind.
 */
/** Every Chromium this file started: stopped again after all its tests, whatever happened in them. */
const started: RemoteChromium['kill'][] = [];

async function startChromium(): Promise<RemoteChromium> {
  const profile = mkdtempSync(path.join(tmpdir(), 'handouts-remote-'));
  const args = [...launchArgs({ kind: 'explicit' }), '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'];
  const child = spawn(inject('browserPath'), args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const kill = async () => {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    child.kill('SIGKILL');
    for (let i = 0; i < 100 && child.pid && liveProcessesInGroup(child.pid).length; i++) await sleep(50);
    rmSync(profile, { recursive: true, force: true });
  };
  started.push(kill);
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not print its endpoint in 30 s:\n${stderr}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited (${code ?? signal}) before printing its endpoint:\n${stderr}`));
      });
    });
    return { endpoint, port: Number(new URL(endpoint).port), child, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}

/**
 * Processes that have not exited (zombies waiting to be reaped do not count) and match `which`,
 * from /proc: `pid (comm) state ppid pgrp ...`, read after the last `)` since comm may hold spaces.
 */
function liveProcesses(which: (stat: { ppid: number; pgrp: number }) => boolean): number[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return state !== 'Z' && which({ ppid: Number(ppid), pgrp: Number(pgrp) });
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Chromium's helpers (zygotes, renderers, GPU and network processes) stay in the group of the browser that started them. */
const liveProcessesInGroup = (group: number) => liveProcesses(({ pgrp }) => pgrp === group);
/** What this test process started and is still running: a browser launched by a build would be one. */
const liveChildren = () => liveProcesses(({ ppid }) => ppid === process.pid);

/** Every PDF below a folder, by its path relative to it. */
function pdfs(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? pdfs(path.join(dir, e.name), base) : e.name.endsWith('.pdf') ? [path.relative(base, path.join(dir, e.name))] : []))
    .sort();
}

/** A port nothing listens on (taken and given back at once). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const config = (cwd: string, flags: { out: string; browser?: string; browserEndpoint?: string }) =>
  resolveConfig({ flags: { formats: FORMATS, ...flags }, cwd, now: TODAY });

describe('rendering through a remote browser (--browser-endpoint)', () => {
  afterAll(async () => {
    for (const kill of started) await kill();
  });
  it('makes the same PDFs, byte for byte, as the same executable launched by the tool', async () => {
    const project = tempProject();
    const remote = await startChromium();
    try {
      const viaEndpoint = await build({ config: config(project.dir, { out: 'remote', browserEndpoint: remote.endpoint }), cwd: project.dir });
      const launched = await build({ config: config(project.dir, { out: 'local', browser: inject('browserPath') }), cwd: project.dir });
      const documents = viaEndpoint.documents.length;
      expect(documents).toBeGreaterThanOrEqual(3);
      expect(viaEndpoint.summary).toMatchObject({ built: documents, failed: 0 });
      expect(launched.summary).toMatchObject({ built: documents, failed: 0 });
      // Each build really used the browser it was given.
      expect(viaEndpoint.browser).toContain(`browser at ${remote.endpoint}`);
      expect(launched.browser).toContain(inject('browserPath'));

      const files = pdfs(path.join(project.dir, 'remote'));
      expect(files).toEqual(pdfs(path.join(project.dir, 'local')));
      // Every document, each a handout and a deck.
      expect(files.length).toBe(2 * documents);
      for (const file of files) {
        const bytes = readFileSync(path.join(project.dir, 'remote', file));
        expect(bytes.equals(readFileSync(path.join(project.dir, 'local', file))), file).toBe(true);
        expect((await readPdf(path.join(project.dir, 'remote', file))).tagged, file).toBe(true);
      }
    } finally {
      await remote.kill();
      project.cleanup();
    }
  });

  it('also takes the http://HOST:PORT address and reads the WebSocket URL from /json/version', async () => {
    const project = tempProject();
    const remote = await startChromium();
    try {
      const address = `http://127.0.0.1:${remote.port}`;
      const tabs = async () =>
        ((await (await fetch(`${address}/json/list`)).json()) as { type: string; id: string }[]).filter((t) => t.type === 'page').map((t) => t.id);
      const before = await tabs();
      expect(before).toHaveLength(1);
      const { browser, wsEndpoint } = await connectBrowser(address);
      await browser.disconnect();
      expect(wsEndpoint).toBe(remote.endpoint);

      const result = await runCli(project.dir, ['build', '--browser-endpoint', address, '--format', 'handout-pdf', '--verbose'], {
        HANDOUTS_TODAY: '2026-12-01',
      });
      expect(result.stderr).toContain(`Using browser at ${address}`);
      expect(result.code).toBe(0);
      const files = pdfs(path.join(project.dir, 'output'));
      expect(files.length).toBeGreaterThanOrEqual(3);
      expect(result.stderr).toContain(`${files.length} documents: built ${files.length} in`);
      for (const file of files) expect((await readPdf(path.join(project.dir, 'output', file))).pages).toBeGreaterThan(0);
      // Disconnecting left the browser running, without the tabs the build opened.
      expect(remote.child.exitCode).toBeNull();
      expect(await tabs()).toEqual(before);
    } finally {
      await remote.kill();
      project.cleanup();
    }
  });

  it('`handouts dev` with `browser_endpoint` in the config file renders through that browser, launching none', async () => {
    const project = tempProject('cache');
    const remote = await startChromium();
    const { default: puppeteer } = await import('puppeteer-core');
    const observer = await puppeteer.connect({ browserWSEndpoint: remote.endpoint });
    const opened: string[] = [];
    observer.on('targetcreated', (target) => target.type() === 'page' && opened.push(target.url()));
    writeFileSync(path.join(project.dir, 'handouts.config.yaml'), `browser_endpoint: ${remote.endpoint}\nformats: [handout-pdf]\nconcurrency: 1\n`);
    const { startDevServer } = await import('../../src/dev/start.js');
    const dev = await startDevServer({ cwd: project.dir, port: 0, env: {}, flags: { today: '2026-12-01' } });
    try {
      await dev.idle();
      const documents = dev.state().documents;
      expect(documents.length).toBe(3);
      expect(documents.every((d) => d.status === 'built')).toBe(true);
      // The pages were opened in the remote browser (the pool reuses a tab), and no browser was started here.
      expect(opened.length).toBeGreaterThanOrEqual(1);
      expect(liveChildren()).toEqual([remote.child.pid]);
      const files = pdfs(path.join(project.dir, 'output'));
      expect(files).toHaveLength(3);
      for (const file of files) expect((await readPdf(path.join(project.dir, 'output', file))).pages).toBeGreaterThan(0);
    } finally {
      await dev.close();
      await observer.disconnect().catch(() => undefined);
      await remote.kill();
      project.cleanup();
    }
  });

  it('after the browser is killed, reconnecting gives up after the bounded retry with a clear error (exit 3), leaving nothing running', async () => {
    const project = tempProject();
    const remote = await startChromium();
    const logged: string[] = [];
    const manager = new BrowserManager({ endpoint: remote.endpoint, maxPages: 2, log: (line) => logged.push(line) });
    try {
      const first = await build({ config: config(project.dir, { out: 'output', browserEndpoint: remote.endpoint }), cwd: project.dir, browser: manager });
      expect(first.summary).toMatchObject({ built: first.documents.length, failed: 0 });
      expect(liveChildren()).toContain(remote.child.pid);
      await remote.kill();
      expect(liveProcessesInGroup(remote.child.pid!)).toEqual([]);
      expect(liveChildren()).toEqual([]);

      // The same manager (as in watch mode and the dev server): the drop clears its cache and the
      // next build connects again, through the bounded retry.
      const again = build({
        config: config(project.dir, { out: 'output', browserEndpoint: remote.endpoint }),
        cwd: project.dir,
        browser: manager,
        force: true,
      });
      const error = await again.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EnvironmentError);
      expect((error as EnvironmentError).exitCode).toBe(3);
      expect((error as Error).message).toContain(`Could not connect to the browser at \`${remote.endpoint}\``);
      expect((error as Error).message).toMatch(/3 attempts failed:\n {2}- attempt 1: .+\n {2}- attempt 2: .+\n {2}- attempt 3: .+$/);
      expect(logged.filter((line) => /failed \(attempt \d of 3\)/.test(line))).toHaveLength(3);
      // A remote endpoint is never replaced by a browser launched here.
      expect(manager.executablePath).toBeUndefined();

      // The command line, a new process connecting to the dead address: exit 3, the message and what to check.
      const cli = await runCli(project.dir, ['build', '--force', '--browser-endpoint', remote.endpoint, '--format', 'handout-pdf'], {
        HANDOUTS_TODAY: '2026-12-01',
      });
      expect(cli.code).toBe(3);
      expect(cli.stderr).toContain(`error: Could not connect to the browser at \`${remote.endpoint}\` (--browser-endpoint); 3 attempts failed:`);
      expect(cli.stderr).toMatch(/attempt 3: .*ECONNREFUSED/);
      expect(cli.stderr).toContain('/json/version');
      expect(cli.stderr).toContain('accepts connections');
      // Neither build started a browser of its own, nor left anything running.
      expect(liveChildren()).toEqual([]);
    } finally {
      await manager.dispose();
      await remote.kill();
      project.cleanup();
    }
  });

  it('a browser killed while it renders a document ends that document with a located render error, not a hang', async () => {
    const project = tempProject();
    const remote = await startChromium();
    const manager = new BrowserManager({ endpoint: remote.endpoint, maxPages: 2 });
    let killing: Promise<void> | undefined;
    try {
      // Killed as the document's first page opens, so the drop lands in the middle of its rendering.
      (await manager.browser()).once('targetcreated', () => (killing = remote.kill()));
      const report = await build({
        config: config(project.dir, { out: 'output', browserEndpoint: remote.endpoint }),
        cwd: project.dir,
        sources: ['content/multiple-sclerosis.md'],
        browser: manager,
      });
      expect(killing).toBeDefined();
      expect(report.summary).toMatchObject({ built: 0, failed: 1 });
      const render = report.documents[0]!.diagnostics.filter((d) => d.rule === 'render');
      expect(render).toHaveLength(1);
      expect(render[0]).toMatchObject({ severity: 'error', line: 1, column: 1, file: 'content/multiple-sclerosis.md' });
      // The retry reconnected through the bounded attempts, and the message says what to check, on one line.
      expect(render[0]!.message).toMatch(
        /^Rendering failed: the browser went away and could not be reached again\. Could not connect to the browser at `ws:\/\/.+` \(--browser-endpoint\); 3 attempts failed: - attempt 1: .+ - attempt 2: .+ - attempt 3: .+ Check that the browser is running/,
      );
      expect(render[0]!.message).not.toContain('\n');
      // It was not rendered again, so it is not reported as restarted; nothing was written.
      expect(report.restarts).toBeUndefined();
      expect(pdfs(path.join(project.dir, 'output'))).toEqual([]);
    } finally {
      await killing;
      await manager.dispose();
      await remote.kill();
      project.cleanup();
    }
  });

  it('through the command line, a browser killed mid-build ends the build with exit 3 and the clear error', async () => {
    const project = tempProject();
    const remote = await startChromium();
    // The test's own connection, only to see when the build's first page opens.
    const { default: puppeteer } = await import('puppeteer-core');
    const observer = await puppeteer.connect({ browserWSEndpoint: remote.endpoint });
    let killing: Promise<void> | undefined;
    observer.once('targetcreated', () => (killing = remote.kill()));
    try {
      const cli = await runCli(project.dir, ['build', '--browser-endpoint', remote.endpoint, '--concurrency', '2', '--format', FORMATS.join(',')], {
        HANDOUTS_TODAY: '2026-12-01',
      });
      expect(killing).toBeDefined();
      expect(cli.code).toBe(3);
      expect(cli.stderr).toContain(`error: Could not connect to the browser at \`${remote.endpoint}\` (--browser-endpoint); 3 attempts failed:`);
      expect(cli.stderr).toContain('Check that the browser is running');
      // Documents reported before the end failed with the render error, never as built.
      expect(cli.stderr).not.toContain('✓');
      for (const [, source] of cli.stderr.matchAll(/✗ (\S+): failed/g)) {
        expect(cli.stderr).toMatch(new RegExp(`${source!.replace(/[.]/g, '\\.')}:1:1.*could not be reached again`));
      }
    } finally {
      await killing;
      await observer.disconnect().catch(() => undefined);
      await remote.kill();
      project.cleanup();
    }
  });

  it('connecting where nothing listens fails after exactly the bounded number of attempts, a growing wait apart', async () => {
    const port = await closedPort();
    const endpoint = `ws://127.0.0.1:${port}/devtools/browser/00000000-0000-0000-0000-000000000000`;
    const logged: string[] = [];
    const started = performance.now();
    const error = await connectBrowser(endpoint, { log: (line) => logged.push(line) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).exitCode).toBe(3);
    expect(logged).toHaveLength(3);
    logged.forEach((line, i) => {
      expect(line).toContain(`(attempt ${i + 1} of 3)`);
    });
    expect((error as Error).message.match(/ - attempt \d: connect ECONNREFUSED/g)).toHaveLength(3);
    // The waits in between: 250 ms, then 500 ms.
    expect(elapsed).toBeGreaterThanOrEqual(740);

    // The count is the option's, not a constant; the http:// form says which address it read.
    const fewer: string[] = [];
    const http = await connectBrowser(`http://127.0.0.1:${port}`, { attempts: 2, delayMs: 10, log: (line) => fewer.push(line) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(fewer).toHaveLength(2);
    expect((http as Error).message).toContain(`(its WebSocket URL read from http://127.0.0.1:${port}/json/version)`);
    expect((http as Error).message).toMatch(/2 attempts failed:\n {2}- attempt 1: http:\/\/127\.0\.0\.1:\d+\/json\/version: connect ECONNREFUSED/);

    // The manager: documents asking soon after a failed round get its answer, without another round.
    const tried: string[] = [];
    const manager = new BrowserManager({ endpoint, maxPages: 1, connect: { delayMs: 10 }, log: (line) => tried.push(line) });
    try {
      const first = await manager.browser().then(
        () => undefined,
        (e: unknown) => e,
      );
      await sleep(200);
      const second = await manager.browser().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(first).toBeInstanceOf(EnvironmentError);
      expect(second).toBe(first);
      expect(tried.filter((line) => line.includes('failed (attempt'))).toHaveLength(3);
    } finally {
      await manager.dispose();
    }

    // Through the command line: exit 3, the three attempts, and what to check.
    const project = tempProject();
    try {
      const cli = await runCli(project.dir, ['build', '--browser-endpoint', endpoint, '--format', 'handout-pdf'], { HANDOUTS_TODAY: '2026-12-01' });
      expect(cli.code).toBe(3);
      expect(cli.stderr.match(/ - attempt \d:/g)).toEqual([' - attempt 1:', ' - attempt 2:', ' - attempt 3:']);
      expect(cli.stderr).toContain('webSocketDebuggerUrl');
      expect(pdfs(path.join(project.dir, 'output'))).toEqual([]);
    } finally {
      project.cleanup();
    }
  });

  it('a malformed address is refused at once, without retrying', async () => {
    const logged: string[] = [];
    const error = await connectBrowser('ftp://127.0.0.1:9222', { log: (line) => logged.push(line) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as { exitCode?: number }).exitCode).toBe(2);
    expect((error as Error).message).toContain('is not a ws://, wss://, http:// or https:// URL');
    expect(logged).toEqual([]);
  });
});
