import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { browserFor, browserSettings } from '../browser/for-config.js';
import type { BrowserManager } from '../browser/manager.js';
import { HandoutsError } from '../core/errors.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig, UserConfig } from '../config/types.js';
import { requireFormat } from '../formats/registry.js';
import { build } from '../pipeline/build.js';
import { Session } from '../pipeline/session.js';
import type { BuildReport, DocumentReport } from '../report/types.js';

export interface LoopState {
  /** Counts finished builds, so pages know when files changed. */
  build: number;
  documents: DocumentReport[];
  /** A problem that stops every document (a broken config or template), shown on every page. */
  error?: { message: string };
  /** Pages showing a document built in this step reload (HTML pages: after the quick step). */
  reload: boolean;
  /**
   * The build after which each document's pages last changed, by source. A page served before
   * that reloads, also when it connected too late to see that build's event.
   */
  changedAt: Record<string, number>;
  /**
   * The same for print previews, which are made from the source on each request: a saved
   * document's preview reloads at the save itself, before anything is built, and not again when
   * the build after it reports that document.
   */
  previewChangedAt: Record<string, number>;
}

export interface LoopOptions {
  load: { flags: UserConfig; configPath?: string; cwd: string; env: Readonly<Record<string, string | undefined>> };

  /** Make the formats that need no browser first and report, then the rest (the dev server). */
  quickFirst?: boolean;
  /** Only these sources' documents (build --watch with sources named). */
  sources?: readonly string[];
  onState: (state: LoopState, report?: BuildReport) => void;
  /** Documents saved just now whose print previews reload before anything is built (a small event, sent at once). */
  onSaved?: (saved: { build: number; documents: { slug: string; lang: string }[] }) => void;
  /** Resolves when the previews reloaded at a save have been shown (or it is time to build anyway). */
  previewsShown?: (documents: { slug: string; lang: string }[]) => Promise<void>;
  log: (message: string) => void;
}

/**
 * Watch, then build again: one long-lived session and browser (made from the resolved config, as a
 * build makes it, and made again when the config changes the browser); a save rebuilds only what
 * depends on it (the incremental build decides). Saves during a build are queued and run after
 * it; a burst of saves is one build. A content or template mistake is reported and watching goes
 * on; an unexpected error (a bug) stops the loop with its stack.
 */
export class WatchLoop {
  session?: Session;
  /** The loop's browser, made from the config (see browserFor) and kept across rebuilds; made again when its settings change. */
  private browser?: { manager: BrowserManager; settings: string };
  state: LoopState = { build: 0, documents: [], reload: false, changedAt: {}, previewChangedAt: {} };
  /** Documents whose previews reloaded at the save, in the cycle under way. */
  private previewed = new Set<string>();
  private watcher?: FSWatcher;
  private pending = new Set<string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private failed?: (error: unknown) => void;
  readonly stopped: Promise<void>;

  constructor(private readonly options: LoopOptions) {
    this.stopped = new Promise((_, reject) => (this.failed = reject));
    this.stopped.catch(() => undefined);
  }

  async start(): Promise<ResolvedConfig> {
    await this.cycle(new Set(['(start)']));
    const config = this.session?.config ?? (await loadConfig(this.options.load));
    const paths = [
      config.content,
      ...(config.builtInTemplates ? [] : [config.templates]),
      config.configFile ?? path.join(this.options.load.cwd, 'handouts.config.yaml'),
    ];
    // A save can arrive as several events (truncate, then write): wait until the file is still.
    this.watcher = watch(paths, {
      ignoreInitial: true,
      ignored: (file) => file.startsWith(config.out + path.sep),
      awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
    });
    this.watcher.on('all', (_event, file) => this.queue(file));
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
    return config;
  }

  /** Resolves once no build is running or waiting (for tests and tools that save then look). */
  async idle(): Promise<void> {
    while (this.running || this.pending.size) {
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, 20)));
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.close();
    await this.running?.catch(() => undefined);
    await this.session?.dispose();
    await this.browser?.manager.dispose();
  }

  /** The browser for this config: the one in use while its settings are the same. */
  private async browserFor(config: ResolvedConfig): Promise<BrowserManager> {
    const settings = browserSettings(config);
    if (this.browser?.settings !== settings) {
      await this.browser?.manager.dispose();
      this.browser = { manager: browserFor(config, this.options.log), settings };
    }
    return this.browser.manager;
  }

  private queue(file: string): void {
    this.pending.add(file);
    clearTimeout(this.timer);
    // Editors write a file in several steps; the watcher waits until the file is still (30 ms),
    // and this gathers the files saved together into one build.
    this.timer = setTimeout(() => void this.next(), 10);
  }

  private async next(): Promise<void> {
    if (this.running || !this.pending.size) return;
    const changes = this.pending;
    this.pending = new Set();
    const saved = this.options.quickFirst ? this.previewSaved(changes) : [];
    this.running = (async () => {
      // The event goes out now, not once the build's first synchronous stretch is over; the
      // previews it reloads are shown before the build takes the processor.
      if (saved.length) {
        await new Promise((resolve) => setImmediate(resolve));
        await this.options.previewsShown?.(saved);
      }
      try {
        await this.cycle(changes);
      } finally {
        this.previewed.clear();
      }
    })().catch((error: unknown) => this.failed?.(error));
    await this.running;
    this.running = undefined;
    if (this.pending.size) await this.next();
  }

  private async cycle(changes: Set<string>): Promise<void> {
    const started = performance.now();
    try {
      const config = this.session?.config;
      const reconfigure = !config || [...changes].some((file) => file === config.configFile || path.basename(file) === 'handouts.config.yaml');
      if (reconfigure) {
        await this.session?.dispose();
        const loaded = await loadConfig(this.options.load);
        this.session = new Session({ config: loaded, browser: await this.browserFor(loaded), log: this.options.log });
      } else if ([...changes].some((file) => file.startsWith(config!.templates + path.sep))) this.session!.reload('templates');
      const session = this.session!;
      const scope = { sources: this.options.sources, cwd: this.options.load.cwd };
      if (this.options.quickFirst) {
        // The formats that need no browser, then those with a print preview (the PDF the writer
        // is looking at), then the rest: each step reports, so a page reloads as soon as its file is new.
        const { formats } = session.config;
        const quick = formats.filter((id) => !requireFormat(id).browser);
        const previewed = formats.filter((id) => requireFormat(id).browser && requireFormat(id).preview);
        if (quick.length) this.report(await build({ session, formats: quick, ...scope }), { full: false, reload: true });
        if (previewed.length && previewed.length < formats.length - quick.length) {
          this.report(await build({ session, formats: [...quick, ...previewed], ...scope }), { full: false, reload: !quick.length });
        }
        this.report(await build({ session, ...scope }), { full: true, reload: !quick.length });
      } else this.report(await build({ session, ...scope }), { full: true, reload: true });
      this.options.log(`Rebuilt in ${Math.round(performance.now() - started)} ms after ${changes.size} change${changes.size === 1 ? '' : 's'}`);
    } catch (error) {
      if (!(error instanceof HandoutsError)) throw error;
      this.state = { ...this.state, build: this.state.build + 1, error: { message: error.message }, reload: false };
      this.options.onState(this.state);
      this.options.log(`error: ${error.message}`);
    }
  }

  /**
   * A saved document's print preview is made from its source when asked for: it reloads now, while
   * the build runs (the writer sees the change before any file is made).
   */
  private previewSaved(changes: Set<string>): { slug: string; lang: string }[] {
    const config = this.session?.config;
    if (!config || this.state.error) return [];
    // A document that failed shows its problems instead; it reloads once it builds again.
    const saved = this.state.documents.filter((doc) => doc.status !== 'failed' && changes.has(path.join(config.root, doc.source)));
    if (!saved.length) return [];
    const build = this.state.build + 1;
    const previewChangedAt = { ...this.state.previewChangedAt };
    for (const doc of saved) {
      previewChangedAt[doc.source] = build;
      this.previewed.add(doc.source);
    }
    this.state = { ...this.state, build, reload: true, previewChangedAt };
    const documents = saved.map((doc) => ({ slug: doc.slug, lang: doc.lang }));
    this.options.onSaved?.({ build, documents });
    return documents;
  }

  private report(report: BuildReport, step: { full: boolean; reload: boolean }): void {
    const build = this.state.build + 1;
    const changedAt = { ...this.state.changedAt };
    const previewChangedAt = { ...this.state.previewChangedAt };
    if (step.reload) {
      for (const doc of report.documents) {
        if (doc.status === 'skipped') continue;
        changedAt[doc.source] = build;
        if (!this.previewed.has(doc.source)) previewChangedAt[doc.source] = build;
      }
    }
    this.state = { build, documents: report.documents, reload: step.reload, changedAt, previewChangedAt };
    this.options.onState(this.state, step.full ? report : undefined);
  }
}
