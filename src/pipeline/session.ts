import { browserFor } from '../browser/for-config.js';
import type { BrowserManager } from '../browser/manager.js';
import { browserFingerprint } from '../browser/fingerprint.js';
import { BuildCache } from '../cache/store.js';
import { filesFingerprint, templateFiles, templatesFingerprint } from '../cache/keys.js';
import type { OutputFormat } from '../formats/format.js';
import { allFormats } from '../formats/registry.js';
import { READ_BY_CHECKS } from '../formats/template-files.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Tools } from './tools.js';

export interface SessionOptions {
  config: ResolvedConfig;
  /** A browser to render through; when absent the session makes one and closes it on dispose. */
  browser?: BrowserManager;
  log?: (message: string) => void;
}

/** The parts of a session that can be made again while it lives (after an edit, in watch mode). */
export type SessionPart = 'templates' | 'cache' | 'browser';

/**
 * What builds share: the config, the templates with their Liquid engine and the content
 * resolvers (loaded on first need, since a build with nothing to do never needs them), the
 * browser, and the build cache. A one-off build makes a session and disposes it; the dev server
 * and watch mode keep one alive and reload parts of it as files change.
 */
export class Session {
  readonly config: ResolvedConfig;
  readonly browser: BrowserManager;
  private readonly ownsBrowser: boolean;
  private tools?: Promise<Tools>;
  private buildCache?: BuildCache;
  private templatesKey?: string;
  private files?: Map<string, string>;
  private readonly formatKeys = new Map<string, string>();
  private browserKey?: string;
  /** Documents rendered again after the browser stopped under them, in this session. */
  readonly restarts: string[] = [];

  constructor(private readonly options: SessionOptions) {
    this.config = options.config;
    this.ownsBrowser = !options.browser;
    this.browser = options.browser ?? this.newBrowser();
  }

  log(message: string): void {
    this.options.log?.(message);
  }

  /** Templates, Liquid and resolvers: read once, then shared by every document of every build. */
  loadTools(): Promise<Tools> {
    this.tools ??= import('./tools.js')
      .then(({ createTools }) => createTools(this.config))
      .catch((error: unknown) => {
        this.tools = undefined;
        throw error;
      });
    return this.tools;
  }

  cache(): BuildCache {
    this.buildCache ??= BuildCache.load(this.config.out);
    return this.buildCache;
  }

  /** A hash of the templates folder, for cache keys; made again after `reload('templates')`. */
  templatesFingerprint(): string {
    const own = new Set(
      allFormats()
        .flatMap((format) => format.templateFiles ?? [])
        .filter((file) => !READ_BY_CHECKS.includes(file)),
    );
    this.templatesKey ??= templatesFingerprint(this.templateFiles(), this.config.root, own);
    return this.templatesKey;
  }

  /** A hash of a format's own template files (see OutputFormat.templateFiles), part of its outputs' keys. */
  formatTemplates(format: OutputFormat): string {
    let key = this.formatKeys.get(format.id);
    if (key === undefined) {
      key = filesFingerprint(this.templateFiles(), format.templateFiles ?? []);
      this.formatKeys.set(format.id, key);
    }
    return key;
  }

  /** The template files in effect: the project's, else the built-in ones. */
  private templateFiles(): Map<string, string> {
    this.files ??= templateFiles(this.config.templates);
    return this.files;
  }

  /** Which browser renders, told without starting it; part of the keys of formats that print. */
  browserFingerprint(): string {
    this.browserKey ??= browserFingerprint({ explicit: this.config.browser, endpoint: this.config.browserEndpoint });
    return this.browserKey;
  }

  /** Forgets one part so the next build makes it again. */
  reload(part: SessionPart): void {
    if (part === 'templates') {
      this.tools = undefined;
      this.templatesKey = undefined;
      this.files = undefined;
      this.formatKeys.clear();
    } else if (part === 'cache') this.buildCache = undefined;
    else this.browserKey = undefined;
  }

  /** Closes what the session opened: the browser (when it made it) and its profile folder. */
  async dispose(): Promise<void> {
    if (this.ownsBrowser) await this.browser.dispose();
  }

  private newBrowser(): BrowserManager {
    return browserFor(this.config, this.options.log);
  }
}
