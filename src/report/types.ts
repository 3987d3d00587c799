import type { PlainLanguage, Readability } from '../core/readability.js';

/** One located problem, as the JSON report carries it. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  /** The output format it concerns, when a format's rendering or page rules found it (its id). */
  format?: string;
  /** What to write instead (the everyday words for a term), when the rule has a suggestion. */
  suggestions?: string[];
}

/** A format of a document that could not be made this time; the document's other formats were. */
export interface FormatFailure {
  format: string;
  /** Why: its render error or the errors its page rules found, located. */
  diagnostics: Diagnostic[];
  /** Its previous complete file, left in place (never a clipped or half-made one), when there is one. */
  kept?: string;
}

export interface OutputEntry {
  format: string;
  /** Project-relative path of the format's main file. */
  file: string;
  /** Every file the format wrote, when it writes more than one. */
  files?: string[];
  /** PDF pages, or slides for a deck page. */
  pages?: number;
  /** sha256 of the main file's bytes. */
  sha256: string;
}

export interface DocumentReport {
  source: string;
  slug: string;
  lang: string;
  title?: string;
  condition?: string;
  reviewed?: string;
  review_due?: string;
  status: 'built' | 'skipped' | 'failed';
  /** sha256 over everything that shapes the outputs: source, partials, templates, config, tool version. */
  hash?: string;
  /** Reading grade of the patient-facing text (Flesch-Kincaid, SMOG). */
  readability?: Readability;
  /** The plain-language rules: how many of each (words to replace, passive and long sentences), and whether it tells the reader what to do. */
  plain_language?: PlainLanguage;
  /** The current outputs: made now, or made earlier and still current. */
  outputs: OutputEntry[];
  /** Formats that failed (the document's status is then `failed`). */
  failures?: FormatFailure[];
  diagnostics: Diagnostic[];
}

export interface Summary {
  built: number;
  skipped: number;
  failed: number;
  ms: number;
}

export interface BuildReport {
  documents: DocumentReport[];
  summary: Summary;
  /** Where the time went (milliseconds): browser start, HTML, PDF. */
  timings?: { launchMs: number; htmlMs: number; pdfMs: number };
  browser?: string;
  /** Documents rendered again because the browser stopped under them (and was started again). */
  restarts?: { document: string }[];
  /** Present when the project has no templates folder and the built-in ones were used. */
  templates?: 'built-in';
}
