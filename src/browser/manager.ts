import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { EnvironmentError } from '../core/errors.js';
import { connectBrowser, type ConnectOptions } from './connect.js';
import { discoverBrowser, type Attempt } from './discover.js';
import { launchArgs } from './flags.js';

export interface BrowserManagerOptions {
  /** An explicit executable (flag, config or environment). */
  executablePath?: string;
  executableFrom?: string;
  /** Connect to this running browser (ws://... or http://HOST:PORT) instead of launching one; it is left running at the end. */
  endpoint?: string;
  /** Attempts and waits for connecting to `endpoint` (tests make them short). */
  connect?: Pick<ConnectOptions, 'attempts' | 'delayMs' | 'attemptTimeoutMs'>;
  /** Most pages open at once; pages are reused between documents. */
  maxPages: number;
  log?: (message: string) => void;
}

/**
 * Owns the one browser of a build: found and launched lazily on first use (parallel callers
 * share one launch), pages lent out through `withPage` and reused, everything closed by
 * `dispose()`, which the build calls in `finally` on every path. If the browser disconnects, the
 * cache is cleared and the next use starts it again.
 */
export class BrowserManager {
  private launching?: Promise<Browser>;
  /** Settles when the current launch has found its browser and is about to spawn it. */
  private spawning?: Promise<void>;
  private spawned?: () => void;
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page | undefined) => void)[] = [];
  private open = 0;
  private readonly uses = new WeakMap<Page, number>();
  private disposed = false;
  private disposing?: Promise<void>;
  private profileDir?: string;
  /** Pages this manager opened, so a remote browser is left without them. */
  private readonly pages = new Set<Page>();
  private readonly stopping = new AbortController();
  /** Which browser is in use, once started. */
  description?: string;
  /** Milliseconds spent finding and starting (or connecting to) the browser. */
  launchMs = 0;
  /** The executable started, once started (for tests and tools that launch the same browser). */
  executablePath?: string;

  constructor(private readonly options: BrowserManagerOptions) {}

  browser(): Promise<Browser> {
    // Once disposing has begun (the build ended or was stopped), never start a browser again.
    if (this.disposed) return Promise.reject(new Error('the browser was closed because the build is stopping'));
    if (!this.launching) {
      this.spawning = new Promise((resolve) => (this.spawned = resolve));
      const starting: Promise<Browser> = this.start().catch((error: unknown) => {
        // A start that just failed answers the callers that come soon after with the same error:
        // otherwise each document of a build (and the build's early start) would wait through its
        // own round of connection attempts. A later use (the next build in watch mode) tries again.
        setTimeout(() => {
          if (this.launching === starting) this.launching = undefined;
        }, FAILED_START_KEPT_MS).unref();
        throw error;
      });
      this.launching = starting;
    }
    return this.launching;
  }

  /**
   * Starts the browser and waits only until its process is spawned (or the start failed, which
   * the first page asked for then meets): the caller goes on loading and preparing documents
   * while the browser boots, instead of holding up the spawn with that work.
   */
  async startEarly(): Promise<void> {
    const started = this.browser().then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([started, this.spawning ?? started]);
  }

  /** Lends a page for `fn` and takes it back afterwards, also when `fn` throws. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.acquire();
    let healthy = true;
    try {
      return await fn(page);
    } catch (error) {
      healthy = false;
      throw error;
    } finally {
      this.release(page, healthy);
    }
  }

  /** Closes the browser (or disconnects from it) and removes its profile; safe to call more than once. */
  dispose(): Promise<void> {
    this.disposed = true;
    this.stopping.abort();
    this.disposing ??= this.close();
    return this.disposing;
  }

  private async close(): Promise<void> {
    const launching = this.launching;
    this.launching = undefined;
    this.idle.length = 0;
    const dir = this.profileDir;
    const browser = launching ? await launching.catch(() => undefined) : undefined;
    if (browser) {
      if (this.options.endpoint) {
        // Someone else's browser (or a pool's) keeps running for its other users, but the tabs
        // opened here would stay open in it after a disconnect, so they are closed first; a browser
        // that no longer answers must not hold up the end of the build.
        const closing = Promise.allSettled([...this.pages].map((page) => page.close()));
        await settle(closing, 2_000);
        await browser.disconnect().catch(() => undefined);
      } else {
        const child = browser.process();
        const exited = child && child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined;
        await browser.close().catch(() => child?.kill('SIGKILL'));
        // Wait for the process to be gone (so its profile is no longer written), but not forever.
        await settle(exited, 5_000);
      }
    }
    this.pages.clear();
    if (dir) removeDir(dir);
    this.profileDir = undefined;
  }

  private async acquire(): Promise<Page> {
    const browser = await this.browser();
    const page = this.idle.pop();
    if (page && !page.isClosed()) return page;
    if (this.open < this.options.maxPages) {
      this.open++;
      try {
        const page = await browser.newPage();
        this.pages.add(page);
        page.once('close', () => this.pages.delete(page));
        return page;
      } catch (error) {
        this.open--;
        throw error;
      }
    }
    const next = await new Promise<Page | undefined>((resolve) => this.waiting.push(resolve));
    return next ?? this.acquire();
  }

  private release(page: Page, healthy: boolean): void {
    const uses = (this.uses.get(page) ?? 0) + 1;
    this.uses.set(page, uses);
    // A page's renderer keeps memory from every document it showed; a fresh page after a few
    // dozen documents keeps a long build's memory flat.
    if (!healthy || page.isClosed() || uses >= PAGE_USES) {
      this.open = Math.max(0, this.open - 1);
      void page.close().catch(() => undefined);
      this.waiting.shift()?.(undefined);
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter(page);
    else this.idle.push(page);
  }

  private async start(): Promise<Browser> {
    const started = performance.now();
    // Connecting spawns nothing: an early start need not wait for it.
    if (this.options.endpoint) this.spawned?.();
    const browser = this.options.endpoint ? await this.connect(this.options.endpoint) : await this.launch();
    this.launchMs = performance.now() - started;
    browser.once('disconnected', () => {
      // Crashed, killed or closed: forget it, so the next page asked for starts a new browser.
      this.launching = undefined;
      this.idle.length = 0;
      this.open = 0;
      this.pages.clear();
      // A crashed browser's profile is removed once its process has exited, so nothing
      // re-creates files in it afterwards; dispose() removes the current one the same way.
      const dir = this.profileDir;
      this.profileDir = undefined;
      const gone = browser.process();
      if (dir && gone && gone.exitCode === null && gone.signalCode === null) gone.once('exit', () => removeDir(dir));
      else if (dir) removeDir(dir);
      for (const waiter of this.waiting.splice(0)) waiter(undefined);
    });
    return browser;
  }

  /** Every (re)connection goes through the same bounded retry; see connect.ts. */
  private async connect(endpoint: string): Promise<Browser> {
    const { browser } = await connectBrowser(endpoint, { ...this.options.connect, signal: this.stopping.signal, log: this.options.log });
    this.description = `browser at ${endpoint} (${await browser.version()})`;
    this.options.log?.(`Using ${this.description}`);
    return browser;
  }

  private async launch(): Promise<Browser> {
    const attempts: Attempt[] = [];
    const candidate = await discoverBrowser(
      { explicit: this.options.executablePath, explicitFrom: this.options.executableFrom },
      attempts,
    );
    if (candidate) {
      // Loaded here, not at the top: a build with nothing to render never needs it.
      const { default: puppeteer } = await import('puppeteer-core');
      this.profileDir = mkdtempSync(path.join(tmpdir(), 'handouts-profile-'));
      this.spawned?.();
      try {
        const browser = await puppeteer.launch({
          executablePath: candidate.executablePath,
          headless: isHeadlessShell(candidate.kind, candidate.executablePath) ? 'shell' : true,
          args: launchArgs(candidate),
          userDataDir: this.profileDir,
          // Leave Ctrl-C to the build, which closes the browser itself in `finally`.
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
          protocolTimeout: 60_000,
        });
        this.description = `${candidate.label}, ${await browser.version()}`;
        this.executablePath = candidate.executablePath;
        this.options.log?.(`Using ${this.description}`);
        return browser;
      } catch (error) {
        removeDir(this.profileDir);
        this.profileDir = undefined;
        attempts.push({ label: candidate.label, outcome: `failed to start: ${firstLine((error as Error).message)}` });
      }
    }
    throw new EnvironmentError(
      `No usable browser found. Tried:\n${attempts.map((a) => `  - ${a.label}: ${a.outcome}`).join('\n')}`,
      {
        hint:
          'Run `npm ci` so the bundled @sparticuz/chromium package is installed, or install Chromium ' +
          '(`apt-get install chromium-headless-shell`), or pass --browser /path/to/chrome ' +
          '(or set CHROME_PATH), or --browser-endpoint ws://... to use a running browser.',
      },
    );
  }
}

const PAGE_USES = 25;
const FAILED_START_KEPT_MS = 5_000;

/** Waits for `promise`, but not longer than `ms`. */
async function settle(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Headless-shell builds take the old headless switch; full Chrome and Chromium take the new one. */
function isHeadlessShell(kind: string, executable: string): boolean {
  if (kind === 'headless-shell' || kind === 'npm-package') return true;
  return kind === 'explicit' && /headless|shell/i.test(path.basename(executable));
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
