import { parse } from 'yaml';
import type { DocumentRef } from '../core/document-ref.js';
import { baseLanguage } from '../core/lang.js';
import type { TranslationSource } from '../core/lookups.js';

export interface TranslationOf {
  /** The source document, project-relative. */
  source: string;
  /** Its `reviewed` date, when it has a valid one. */
  reviewed?: string;
  /** Its text, so the translation is checked again whenever the source changes. */
  text: string;
}

/**
 * Pure: the document a translation is made from (same slug, at the top of `content/`), read
 * only as far as its `reviewed` date. Undefined for a document in the default language or with
 * no source. A source whose front matter cannot be read has no date: its own build reports why.
 */
export function translationOf(ref: DocumentRef, lang: string, defaultLang: string, lookup: TranslationSource | undefined): TranslationOf | undefined {
  if (!lookup || baseLanguage(lang) === baseLanguage(defaultLang)) return undefined;
  const found = lookup(ref);
  if (!found) return undefined;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(found.text)?.[1];
  let reviewed: string | undefined;
  try {
    const value = front ? (parse(front) as { reviewed?: unknown }) : undefined;
    if (typeof value?.reviewed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.reviewed)) reviewed = value.reviewed;
  } catch {
    // not readable: no date
  }
  return { source: found.source, reviewed, text: found.text };
}
