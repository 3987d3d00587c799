import { availableParallelism } from 'node:os';
import type { ResolvedRules } from '../rules/settings.js';
import type { UserConfig } from './schema.js';

export type { UserConfig };

export const paperSizes = ['A4', 'Letter'] as const;

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
  /** The online page of each document, for QR codes: `{slug}` and `{lang}` are filled in. None: no QR code. */
  readonly qrUrl?: string;
  /** Formats that also write a print-shop version (bleed, crop marks, page boxes), by id. */
  readonly printReady: readonly string[];
  /** Bleed on every side of a print-shop version, in millimetres. */
  readonly bleedMm: number;
  /** How much narrower the brochure's inside flap is than its other panels, in millimetres. */
  readonly brochureFoldMm: number;
  /** `slides.pptx` as editable PowerPoint objects, or as a picture of each slide. */
  readonly pptx: 'editable' | 'pictures';
  readonly configFile?: string;
  /** Where each value that is not a default came from (`--browser`, `` `browser` in handouts.config.yaml ``, `CHROME_PATH`), for messages. */
  readonly origins: Readonly<Partial<Record<keyof UserConfig, string>>>;
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
  brochure_fold_mm: 2,
  pptx: 'editable',
} as const satisfies Partial<Record<keyof UserConfig, unknown>>;
