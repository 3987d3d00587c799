/** What `handouts diff` found, as `--json` writes it and the report shows it. */
export interface DiffReport {
  /** The two output folders, as named. */
  base: string;
  head: string;
  /** Documents with something visible changed, added or removed; the others are not listed. */
  documents: DocumentDiff[];
  /** Documents and pages listed; pages drawn to be compared (pages whose drawing is byte for byte the same are not). */
  summary: { documents: number; pages: number; drawn: number };
}

export interface DocumentDiff {
  source: string;
  slug: string;
  lang: string;
  title: string;
  /** `added` or `removed`: only one folder has it. */
  status: 'changed' | 'added' | 'removed';
  formats: FormatDiff[];
}

export interface FormatDiff {
  format: string;
  /** How people name it (`Handout (PDF)`). */
  label: string;
  status: 'changed' | 'added' | 'removed';
  /** Page counts on each side. */
  pages: { base?: number; head?: number };
  /** The pages that look different, were added or were taken out. */
  changed: PageChange[];
}

export interface PageChange {
  /** From 1. */
  page: number;
  kind: 'changed' | 'added' | 'removed';
  /** Pixels that differ, and their share of the page. */
  pixels: number;
  ratio: number;
  /** Runs of words taken out and put in. */
  text: { removed: string[]; added: string[] };
  /** The page's words with the changes marked, shortened around them (for the report). */
  runs: { kind: 'same' | 'removed' | 'added'; text: string }[];
  /** The pictures, relative to the report (with `--report` only). */
  pictures?: { before?: string; after?: string; difference?: string };
}
