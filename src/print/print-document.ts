import type { Page } from 'puppeteer-core';
import type { PreparedDocument } from '../transform/prepared.js';
import { VERSION } from '../core/version.js';
import type { PageFindings } from '../core/findings.js';
import type { ResolvedConfig } from '../config/types.js';
import type { TemplateSet } from '../templates/brand.js';
import type { BrowserManager } from '../browser/manager.js';
import { finishPdf } from './finish.js';
import { printPdf } from './print.js';

/** What printing needs from the build around it (a format's render tools hold it). */
export interface PrintTools {
  config: Pick<ResolvedConfig, 'timeoutMs' | 'buildDate'>;
  templates: Pick<TemplateSet, 'brand' | 'fontsFor'>;
  browser?: BrowserManager;
}

export interface PrintedPdf {
  bytes: Uint8Array;
  pages: number;
  findings: Pick<PageFindings, 'text' | 'blocked'>;
}

/**
 * Where every PDF is made: the page printed through the one browser, then the document's
 * metadata written in (title, clinic, subject, keywords, language, the build date).
 */
export async function printDocument(
  doc: PreparedDocument,
  tools: PrintTools,
  html: string,
  options: { label: string; inspect?: (page: Page) => Promise<void> },
): Promise<PrintedPdf> {
  const { config, templates } = tools;
  const printed = await printPdf(tools.browser!, html, {
    label: options.label,
    timeoutMs: config.timeoutMs,
    inspect: options.inspect,
    assets: templates.fontsFor(doc.lang).files,
  });
  const { meta } = doc;
  const finished = await finishPdf(printed.bytes, {
    title: meta.title,
    author: templates.brand.clinic,
    subject: meta.summary ?? meta.condition,
    keywords: uniqueWords([meta.condition, ...(meta.keywords ?? [])]),
    lang: doc.lang,
    date: documentDate(meta.reviewed, config.buildDate),
    creator: `handouts ${VERSION}`,
  });
  return { bytes: finished.bytes, pages: finished.pages, findings: { text: printed.text, blocked: printed.blocked } };
}

/** Keywords without repeats (compared without case), in the order first written. */
function uniqueWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((word) => !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()));
}

/** The build date (from `SOURCE_DATE_EPOCH`) when set, else the content's last-reviewed date. Never the clock. */
export function documentDate(reviewed: string, buildDate?: string): Date {
  return new Date(buildDate ?? `${reviewed}T00:00:00Z`);
}
