import type { Browser, Page } from 'puppeteer-core';
import { EnvironmentError } from '../core/errors.js';
import { connectBrowser, type ConnectOptions } from './connect.js';
import { launchBrowser, removeDir } from './launch.js';
import { PagePool } from './pool.js';

/** The browser kept stopping (crashing, killed, out of memory): the build ends rather than start it forever. */
export class BrowserStoppedTooOften extends EnvironmentError {
  constructor(stops: number) {
    super(`The browser stopped ${stops} times in this build; it may be out of memory.`, {
      hint: 'Try --concurrency 1 (fewer pages open at once), close other programs, or give the machine (or CI container) more memory.',
    });
  }
}

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
  /** Times the browser may stop in one build before every use fails (default 5). */
  maxStops?: number;
  log?: (message: string) => void;
}

/**
 * Owns the one browser of a build: found and launched lazily on first use (parallel callers
 * share one launch), pages lent out through `withPage` and reused, everything closed by
 * `dispose()`, which the build calls in `finally` on every path. A browser that stops (crashed,
 * killed, out of memory) is forgotten with its pages, and the next use starts (or connects to)
 * a new one; one that dies while starting is started again. Both are bounded: after `maxStops`
 * stops in one build every use fails with a message that says why, instead of starting
 * browsers forever.
 */
export class BrowserManager {
  /** The live browser and its pages. */
  private pool?: PagePool;
  private launching?: Promise<PagePool>;
  /** Settles when the current launch has found its browser and is about to spawn it. */
  private spawning?: Promise<void>;
  private spawned?: () => void;
  /** Callers waiting for a page: woken one at a time as pages come back, all at once when the browser stops. */
  private readonly waiting: (() => void)[] = [];
  private disposed = false;
  private disposing?: Promise<void>;
  private readonly stopping = new AbortController();
  /** Browsers that stopped under this manager since `resetStops()`. */
  private stops = 0;
  /** Which browser is in use, once started. */
  description?: string;
  /** Milliseconds spent finding and starting (or connecting to) the browser. */
  launchMs = 0;
  /** The executable started, once started (for tests and tools that launch the same browser). */
  executablePath?: string;

  constructor(private readonly options: BrowserManagerOptions) {}

  /** Starts counting stops again: each build may meet `maxStops` of its own. */
  resetStops(): void {
    this.stops = 0;
  }

  async browser(): Promise<Browser> {
    return (await this.current()).browser;
  }

  /**
   * Starts the browser and waits only until its process is spawned (or the start failed, which
   * the first page asked for then meets): the caller goes on loading and preparing documents
   * while the browser boots, instead of holding up the spawn with that work.
   */
  async startEarly(): Promise<void> {
    const started = this.current().then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([started, this.spawning ?? started]);
  }

  /**
   * Lends a page for `fn` and takes it back afterwards, also when `fn` throws. If the browser
   * stops meanwhile, `fn` is abandoned at once with BrowserStoppedError (whatever it was waiting
   * for will never come), and its page is not counted against the next browser.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const { page, pool } = await this.acquire();
    let healthy = true;
    try {
      return await pool.race(fn(page));
    } catch (error) {
      healthy = false;
      throw error;
    } finally {
      pool.giveBack(page, healthy, PAGE_USES);
      this.waiting.shift()?.();
    }
  }

  /** Closes the browser (or disconnects from it) and removes its profile; safe to call more than once. */
  dispose(): Promise<void> {
    this.disposed = true;
    this.stopping.abort();
    this.disposing ??= this.close();
    return this.disposing;
  }

  private current(): Promise<PagePool> {
    // Once disposing has begun (the build ended or was stopped), never start a browser again.
    if (this.disposed) return Promise.reject(new Error('the browser was closed because the build is stopping'));
    const max = this.options.maxStops ?? MAX_STOPS;
    if (this.stops >= max) {
      return Promise.reject(new BrowserStoppedTooOften(this.stops));
    }
    if (this.pool && !this.pool.dead) return Promise.resolve(this.pool);
    if (!this.launching) {
      this.spawning = new Promise((resolve) => (this.spawned = resolve));
      const starting: Promise<PagePool> = this.start().then(
        (pool) => {
          if (this.launching === starting) this.launching = undefined;
          return pool;
        },
        (error: unknown) => {
          // A start that just failed answers the callers that come soon after with the same error:
          // otherwise each document of a build (and the build's early start) would wait through its
          // own round of attempts. A later use (the next build in watch mode) tries again.
          setTimeout(() => {
            if (this.launching === starting) this.launching = undefined;
          }, FAILED_START_KEPT_MS).unref();
          throw error;
        },
      );
      this.launching = starting;
    }
    return this.launching;
  }

  private async acquire(): Promise<{ page: Page; pool: PagePool }> {
    for (;;) {
      const pool = await this.current();
      const idle = pool.take();
      if (idle) return { page: idle, pool };
      if (pool.open < this.options.maxPages) {
        pool.open++;
        try {
          return { page: await pool.newPage(), pool };
        } catch (error) {
          if (!pool.dead) {
            pool.open--;
            this.waiting.shift()?.();
          }
          throw error;
        }
      }
      // Woken when a page comes back (or is closed) or the browser stops; then look again.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private async close(): Promise<void> {
    const launching = this.launching;
    this.launching = undefined;
    if (launching) await launching.catch(() => undefined);
    const pool = this.pool;
    this.pool = undefined;
    if (!pool || pool.dead) return;
    const { browser } = pool;
    if (this.options.endpoint) {
      // Someone else's browser (or a pool's) keeps running for its other users, but the tabs
      // opened here would stay open in it after a disconnect, so they are closed first; a browser
      // that no longer answers must not hold up the end of the build.
      const closing = Promise.allSettled([...pool.pages].map((page) => page.close()));
      await settle(closing, 2_000);
      await browser.disconnect().catch(() => undefined);
      return;
    }
    const child = browser.process();
    const exited = child && child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined;
    await browser.close().catch(() => child?.kill('SIGKILL'));
    // Wait for the process to be gone (so its profile is no longer written), but not forever.
    await settle(exited, 5_000);
  }

  private async start(): Promise<PagePool> {
    const started = performance.now();
    // Connecting spawns nothing: an early start need not wait for it.
    if (this.options.endpoint) this.spawned?.();
    const { browser, profileDir } = this.options.endpoint ? { browser: await this.connect(this.options.endpoint), profileDir: undefined } : await this.launch();
    this.launchMs = performance.now() - started;
    const pool = new PagePool(browser);
    this.pool = pool;
    const stopped = () => this.stopped(pool, profileDir);
    browser.once('disconnected', stopped);
    if (!browser.connected) stopped();
    return pool;
  }

  /** Crashed, killed or closed: forget it, so the next page asked for starts a new browser. */
  private stopped(pool: PagePool, profileDir: string | undefined): void {
    if (pool.dead) return;
    pool.stopped();
    if (this.pool === pool) this.pool = undefined;
    if (!this.disposed) {
      this.stops++;
      this.options.log?.(`The browser stopped (${this.stops} time${this.stops === 1 ? '' : 's'} in this build)`);
    }
    // A crashed browser's profile is removed once its process has exited, so nothing
    // re-creates files in it afterwards.
    const gone = pool.browser.process();
    if (profileDir && gone && gone.exitCode === null && gone.signalCode === null) gone.once('exit', () => removeDir(profileDir));
    else if (profileDir) removeDir(profileDir);
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async launch(): Promise<{ browser: Browser; profileDir: string }> {
    const { spawned, options } = this;
    const launched = await launchBrowser({ ...options, onSpawn: () => spawned?.(), cancelled: () => this.disposed });
    this.description = launched.description;
    this.executablePath = launched.executablePath;
    return launched;
  }

  /** Every (re)connection goes through the same bounded retry; see connect.ts. */
  private async connect(endpoint: string): Promise<Browser> {
    const { browser } = await connectBrowser(endpoint, { ...this.options.connect, signal: this.stopping.signal, log: this.options.log });
    this.description = `browser at ${endpoint} (${await browser.version()})`;
    this.options.log?.(`Using ${this.description}`);
    return browser;
  }
}

const PAGE_USES = 25;
const FAILED_START_KEPT_MS = 5_000;
/** Stops of the browser in one build before the build gives up (see `maxStops`). */
const MAX_STOPS = 5;

/** Waits for `promise`, but not longer than `ms`. */
async function settle(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
