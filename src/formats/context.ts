import type { Liquid } from 'liquidjs';
import type { Page } from 'puppeteer-core';
import type { BrowserManager } from '../browser/manager.js';
import type { ResolvedConfig } from '../config/types.js';
import type { PreparedDocument } from '../transform/prepared.js';
import type { Strings, TemplateSet } from '../templates/brand.js';
import { stringsFor } from '../templates/strings.js';
import type { PrintedPdf } from '../print/print-document.js';
import { pageData, type PageData } from './page-data.js';

/** What a format needs from the build around it: made once per build by the session. */
export interface RenderTools {
  config: ResolvedConfig;
  templates: TemplateSet;
  liquid: Liquid;
  /** Absent in `check`, which renders nothing. */
  browser?: BrowserManager;
}

export type { PrintedPdf };

/**
 * Shared by the formats of one document. Intermediate results (the handout body, the deck) are
 * made once, on first use, under a key the family module chooses: the context knows no format.
 */
export class RenderContext {
  readonly strings: Strings;
  private readonly made = new Map<string, unknown>();
  /** Milliseconds spent making HTML and printing PDFs, for `--verbose` and the report. */
  readonly timings = { htmlMs: 0, pdfMs: 0 };

  constructor(
    readonly doc: PreparedDocument,
    readonly tools: RenderTools,
  ) {
    this.strings = stringsFor(tools.templates, doc.lang).strings;
  }

  get config(): ResolvedConfig {
    return this.tools.config;
  }

  /** Language, direction, script fonts, brand, notices: what every family's page needs, made once. */
  get page(): PageData {
    return this.memo('page-data', () => pageData(this.doc, this.tools.templates));
  }

  /**
   * Makes `key` once per document; the time goes to the HTML figure. A promise that fails is
   * forgotten, so rendering the document again (on a new browser, after a crash) makes it again
   * instead of meeting the old failure.
   */
  memo<T>(key: string, make: () => T): T {
    if (!this.made.has(key)) {
      const started = performance.now();
      try {
        const value = make();
        this.made.set(key, value);
        if (value instanceof Promise) {
          value.catch(() => {
            if (this.made.get(key) === value) this.made.delete(key);
          });
        }
      } finally {
        this.timings.htmlMs += performance.now() - started;
      }
    }
    return this.made.get(key) as T;
  }

  /**
   * PNG pictures of the elements `selector` finds in a page (a deck's slides), through the same
   * browser and request rules as printing.
   */
  async pictures(
    html: string,
    label: string,
    options: { selector: string; width: number; height: number; scale: number },
  ): Promise<{ images: Uint8Array[]; blocked: string[] }> {
    const { takePictures } = await import('../print/pictures.js');
    return this.photograph(label, (browser, common) => takePictures(browser, html, { ...options, ...common }));
  }

  /** A PNG picture of the top `width` x `height` CSS pixels of a page laid out for print. */
  async pagePicture(html: string, label: string, options: { width: number; height: number; scale: number }): Promise<{ image: Uint8Array; blocked: string[] }> {
    const { takePagePicture } = await import('../print/pictures.js');
    return this.photograph(label, (browser, common) => takePagePicture(browser, html, { ...options, ...common }));
  }

  /** Runs `work` on a page laid out for print at a given size (the deck, measured for the PowerPoint file). */
  async inspect<T>(
    html: string,
    label: string,
    options: { width: number; height: number; scale: number },
    work: (page: Page) => Promise<T>,
  ): Promise<{ result: T; blocked: string[] }> {
    const { inspectPage } = await import('../print/pictures.js');
    return this.photograph(label, (browser, common) => inspectPage(browser, html, { ...options, ...common }, work));
  }

  /** Takes pictures through the browser with this document's fonts, time and label. */
  private async photograph<T>(
    label: string,
    take: (browser: BrowserManager, common: { label: string; timeoutMs: number; assets: ReadonlyMap<string, Buffer> }) => Promise<T>,
  ): Promise<T> {
    if (!this.tools.browser) throw new Error('pictures need a browser; check() renders nothing');
    const started = performance.now();
    try {
      const { config, templates } = this.tools;
      return await take(this.tools.browser, {
        label: `${this.doc.ref.source} (${label})`,
        timeoutMs: config.timeoutMs,
        assets: templates.fontsFor(this.doc.lang).files,
      });
    } finally {
      this.timings.pdfMs += performance.now() - started;
    }
  }

  /** Prints a page through the browser and stamps the document's metadata into the PDF. */
  async print(html: string, label: string, inspect?: (page: Page) => Promise<void>): Promise<PrintedPdf> {
    if (!this.tools.browser) throw new Error('printing needs a browser; check() renders nothing');
    const started = performance.now();
    const { printDocument } = await import('../print/print-document.js');
    try {
      return await printDocument(this.doc, this.tools, html, { label: `${this.doc.ref.source} (${label})`, inspect });
    } finally {
      this.timings.pdfMs += performance.now() - started;
    }
  }
}
