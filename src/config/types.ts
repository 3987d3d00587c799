import { availableParallelism } from 'node:os';
import type { ResolvedRules } from '../rules/rule.js';
import type { CoreConfig, paperSizes } from './schema.js';
export type { FormatOption } from './option.js';

/** The config as written: the core keys, and the options formats declare (`qr_url`, `pptx`). */
export type UserConfig = CoreConfig & { readonly [option: string]: unknown };

/** The configuration after precedence is applied: every field set, paths absolute. */
export interface ResolvedConfig {
  readonly root: string;
  readonly content: string;
  readonly out: string;
  readonly templates: string;
  /** True when no templates folder exists and the built-in brand and templates are used. */
  readonly builtInTemplates: boolean;
  readonly lang: string;
  readonly paper: (typeof paperSizes)[number];
  readonly formats: readonly string[];
  readonly browser?: string;
  readonly browserEndpoint?: string;
  readonly concurrency: number;
  /** Only this part of the documents is built, `I/N` (checked when the build starts); none: all. */
  readonly shard?: string;
  /** Milliseconds one page may take to load or print. */
  readonly timeoutMs: number;
  readonly strict: boolean;
  readonly rules: ResolvedRules;
  /** Today's date for the review-date rules, `YYYY-MM-DD`. */
  readonly today: string;
  /**
   * The date written into every PDF, as an ISO timestamp, from `SOURCE_DATE_EPOCH`; when unset
   * each PDF carries its document's `reviewed` date. Resolved once here, never read from the
   * environment further down.
   */
  readonly buildDate?: string;
  /** Formats that also write a print-shop version (bleed, crop marks, page boxes), by id. */
  readonly printReady: readonly string[];
  /** Bleed on every side of a print-shop version, in millimetres. */
  readonly bleedMm: number;
  /** The options formats declare (`qr_url`, `brochure_fold_mm`, `pptx`), set or default, by key; read with `optionOf`. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly configFile?: string;
  /** Where each value that is not a default came from (`--browser`, `` `browser` in handouts.config.yaml ``, `CHROME_PATH`), for messages. */
  readonly origins: Readonly<Partial<Record<string, string>>>;
}

export const defaults = {
  content: 'content',
  out: 'output',
  templates: 'templates',
  lang: 'en',
  paper: 'A4',
  concurrency: Math.max(1, Math.min(4, availableParallelism())),
  timeout: 60,
  bleed_mm: 3,
} as const satisfies Partial<Record<keyof CoreConfig, unknown>>;
