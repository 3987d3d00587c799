import type { FormatOption, ResolvedConfig } from '../config/types.js';
import type { PageFindings } from '../core/findings.js';
import type { RenderContext } from './context.js';

export type { Located, PageFindings } from '../core/findings.js';

/** What a format produced for one document. */
export interface Produced {
  /** Bytes of each file the format declares, by file name. */
  files: Readonly<Record<string, Uint8Array | string>>;
  /** Pages (PDF) or slides (deck), for the report and the catalog. */
  pages?: number;
  findings?: Partial<PageFindings>;
}

/**
 * One output format, describing itself: the core (help text, config validation, cache keys,
 * browser start, rule scope, catalog) asks it what it is and never tests its id. A new format is
 * one module like this and one line in `registry.ts`. Keep the module light: load rendering code
 * inside `page` and `produce` with `import()`, so a build with nothing to do never loads it.
 */
export interface OutputFormat {
  /** The name in `--format`, the report and the manifest: `handout-pdf`. */
  id: string;
  /** What it is made from, and the `--format` group it belongs to: `handout`, `slides`. */
  family: string;
  /** The kind of file, also a `--format` group: `pdf`, `html`, `pptx`. */
  kind: string;
  /** For people: help text and catalog links. */
  label: string;
  /** What `pages` counts, in the catalog. */
  unit: 'pages' | 'slides';
  /**
   * Files it may write into `output/<lang>/<slug>/`: names, or patterns with `*` for files made
   * per slide or page. The first is the main file, always written, linked and counted; a file a
   * format made before and does not make now (a print-shop version turned off) is removed.
   */
  files: readonly string[];
  /** Can also write a print-shop version (bleed, crop marks, page boxes) when the config asks. */
  printReady?: boolean;
  /** Its main file is a picture of the document, which the catalog shows as a thumbnail. */
  picture?: boolean;
  /** Needs the browser: the build starts Chromium early when a requested format does. */
  browser: boolean;
  /**
   * The settings, beyond the document and templates, that change this format's bytes. They are
   * part of its cache key, so changing one rebuilds exactly the formats that declare it.
   */
  settings(config: ResolvedConfig): Readonly<Record<string, unknown>>;
  /**
   * Config keys this format alone reads (`brochure_fold_mm`), with their schema and default: the
   * config accepts them only while the format is registered. Read with `optionOf(config, option)`.
   */
  options?: readonly FormatOption[];
  /** Ids of the page rules that apply to what this format renders; checked when it is registered. */
  pageRules: readonly string[];
  /** The templates file its page is made from (relative to `templates/`), where page rules report. */
  template?: string;
  /**
   * The template files it reads, relative to `templates/` (its Liquid and CSS), each the project's
   * or the built-in one; read when the format is built, and part of its cache key alone, so
   * changing one rebuilds this format and no other.
   */
  templateFiles?: readonly string[];
  /**
   * A live print preview `handouts dev` serves at `<lang>/<slug>/<file>` in place of the built
   * file (`?web` gives the file): the page as printed, made from the source on each request, for
   * Paged.js to lay out into pages with the same size, margins and breaks.
   */
  preview?: { file: string; page(context: RenderContext): Promise<string> };
  /** The page it writes or prints, made without a browser: what `check` runs page rules on. */
  page?(context: RenderContext): Promise<string>;
  produce(context: RenderContext): Promise<Produced>;
}
