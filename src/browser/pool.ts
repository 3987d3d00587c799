import type { Browser, Page } from 'puppeteer-core';

/** Thrown into every use of a browser that stopped (crashed, was killed, or its connection dropped). */
export class BrowserStoppedError extends Error {
  constructor() {
    super('the browser stopped (Target closed)');
    this.name = 'BrowserStoppedError';
  }
}

/**
 * One browser process (or connection) and the pages lent from it. A browser that stops is never
 * used again: its pool is dropped whole, and pages lent from it are not counted against the next
 * browser's when they come back. Everything that waits on this browser (a new page, a page's
 * work) goes through `race`, which ends with BrowserStoppedError when it stops, so no wait
 * outlives it: Puppeteer has waits of its own (a new tab's set-up, lifecycle events) that a dead
 * connection never answers.
 */
export class PagePool {
  /** Pages open in this browser: lent out, or idle. */
  open = 0;
  readonly idle: Page[] = [];
  /** Every page this pool opened, so a remote browser is left without them. */
  readonly pages = new Set<Page>();
  dead = false;
  /** The waits in progress, each ended at once when the browser stops. */
  private readonly waits = new Set<(error: Error) => void>();
  private readonly uses = new WeakMap<Page, number>();

  constructor(readonly browser: Browser) {}

  /**
   * `work`'s result, or BrowserStoppedError as soon as the browser stops. Not Promise.race with
   * one promise that never settles: each race would leave a reaction on it holding the race's
   * result (a document's PDF, its slide pictures) for as long as the browser lives, about a
   * megabyte a document. Here a wait forgets itself when it ends.
   */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.dead) {
      work.catch(() => undefined);
      return Promise.reject(new BrowserStoppedError());
    }
    return new Promise<T>((resolve, reject) => {
      this.waits.add(reject);
      work.then(
        (value) => {
          this.waits.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.waits.delete(reject);
          reject(error);
        },
      );
    });
  }

  /** How many waits are in progress (none between documents). */
  get waiting(): number {
    return this.waits.size;
  }

  /** Marks the browser gone: every wait on it ends with BrowserStoppedError. */
  stopped(): void {
    this.dead = true;
    this.idle.length = 0;
    this.pages.clear();
    const waits = [...this.waits];
    this.waits.clear();
    for (const end of waits) end(new BrowserStoppedError());
  }

  /** An idle page, if one is still open. */
  take(): Page | undefined {
    for (let page = this.idle.pop(); page; page = this.idle.pop()) if (!page.isClosed()) return page;
    return undefined;
  }

  /** Opens a page (the caller counted it in `open`); ends with BrowserStoppedError if the browser stops first. */
  async newPage(): Promise<Page> {
    const page = await this.race(this.browser.newPage());
    this.pages.add(page);
    page.once('close', () => this.pages.delete(page));
    return page;
  }

  /**
   * Takes a page back. A healthy page goes back to the idle list; a page whose work failed, or
   * that has shown `maxUses` documents (a renderer keeps memory from each), is closed and no
   * longer counted. Returns whether the page can be used again.
   */
  giveBack(page: Page, healthy: boolean, maxUses: number): boolean {
    const uses = (this.uses.get(page) ?? 0) + 1;
    this.uses.set(page, uses);
    if (this.dead) return false;
    if (!healthy || page.isClosed() || uses >= maxUses) {
      this.open = Math.max(0, this.open - 1);
      void page.close().catch(() => undefined);
      return false;
    }
    this.idle.push(page);
    return true;
  }
}
