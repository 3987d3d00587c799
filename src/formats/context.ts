import type { Liquid } from 'liquidjs';
import type { Page } from 'puppeteer-core';
import type { BrowserManager } from '../browser/manager.js';
import type { ResolvedConfig } from '../config/types.js';
import type { PreparedDocument } from '../document.js';
import { handoutBody, renderHandoutHtml } from '../handout/html.js';
import { finishPdf, type FinishedPdf } from '../pdf/metadata.js';
import { printPdf } from '../render/pdf.js';
import { buildDeck, type Deck } from '../slides/deck.js';
import type { Strings, TemplateSet } from '../templates/brand.js';
import { stringsFor } from '../templates/strings.js';
import { VERSION } from '../version.js';
import type { FormatId } from './ids.js';

/** Shared by the formats of one document: intermediate results are made once, on first use. */
export class RenderContext {
  readonly strings: Strings;
  private handout?: string;
  private handoutPrint?: string;
  private body?: string;
  private deckCache?: Deck;
  /** Milliseconds spent making HTML and printing PDFs, for `--verbose` and the report. */
  readonly timings = { htmlMs: 0, pdfMs: 0 };
  /** URLs a page tried to load and was refused. */
  readonly blocked: string[] = [];
  /** Slides (0-based) whose content is taller than the slide, by how many CSS pixels. */
  readonly overflow: { slide: number; by: number }[] = [];

  constructor(
    readonly doc: PreparedDocument,
    readonly templates: TemplateSet,
    readonly liquid: Liquid,
    readonly config: ResolvedConfig,
    readonly browser: BrowserManager,
    readonly env: Readonly<Record<string, string | undefined>>,
  ) {
    this.strings = stringsFor(templates, doc.lang).strings;
  }

  handoutHtml(): string {
    this.handout ??= this.timed(() =>
      renderHandoutHtml(this.doc, this.templates, this.liquid, { paper: this.config.paper, body: this.handoutBody() }),
    );
    return this.handout;
  }

  /** The handout page as printed: the same page, its fonts served from memory. */
  handoutPrintHtml(): string {
    this.handoutPrint ??= this.timed(() =>
      renderHandoutHtml(this.doc, this.templates, this.liquid, { paper: this.config.paper, forPrint: true, body: this.handoutBody() }),
    );
    return this.handoutPrint;
  }

  private handoutBody(): string {
    this.body ??= handoutBody(this.doc);
    return this.body;
  }

  deck(): Deck {
    this.deckCache ??= this.timed(() => buildDeck(this.doc, this.templates, this.strings));
    return this.deckCache;
  }

  /** Prints a page and stamps the document's metadata into the PDF. */
  async pdf(html: string, format: FormatId, inspect?: (page: Page) => Promise<void>): Promise<FinishedPdf> {
    const started = performance.now();
    const printed = await printPdf(this.browser, html, {
      label: `${this.doc.ref.source} (${format})`,
      timeoutMs: this.config.timeoutMs,
      inspect,
      assets: this.templates.fonts.files,
    });
    this.blocked.push(...printed.blocked);
    const { meta } = this.doc;
    const finished = await finishPdf(printed.bytes, {
      title: meta.title,
      author: this.templates.brand.clinic,
      subject: meta.summary ?? meta.condition,
      keywords: uniqueWords([meta.condition, ...(meta.keywords ?? [])]),
      lang: this.doc.lang,
      date: documentDate(meta.reviewed, this.env.SOURCE_DATE_EPOCH),
      creator: `handouts ${VERSION}`,
    });
    this.timings.pdfMs += performance.now() - started;
    return finished;
  }

  private timed<T>(fn: () => T): T {
    const started = performance.now();
    try {
      return fn();
    } finally {
      this.timings.htmlMs += performance.now() - started;
    }
  }
}

/** Keywords without repeats (compared without case), in the order first written. */
function uniqueWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((word) => !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()));
}

/** `SOURCE_DATE_EPOCH` (seconds) when set, else the content's last-reviewed date. Never the clock. */
export function documentDate(reviewed: string, sourceDateEpoch?: string): Date {
  if (sourceDateEpoch && /^\d+$/.test(sourceDateEpoch)) return new Date(Number(sourceDateEpoch) * 1000);
  return new Date(`${reviewed}T00:00:00Z`);
}
