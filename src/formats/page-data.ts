import type { Source } from '../parse/schema.js';
import type { Brand, Strings, TemplateSet } from '../templates/brand.js';
import type { DocumentFonts } from '../templates/script-fonts.js';
import { brandFor, formatDate, stringsFor } from '../templates/strings.js';
import type { PreparedDocument } from '../transform/prepared.js';

export interface Notice {
  title: string;
  body: string;
}

export interface SourceEntry {
  title: string;
  publisher?: string;
  year?: string;
  url?: string;
}

/**
 * What every page of a document needs whatever its family (handout, large print, brochure, deck,
 * notes, PowerPoint): its language and writing direction, the fonts its script needs, the brand
 * and template text in its language, its notices, dates and sources. Made here once, so no family
 * makes its own and none is left without the direction or the script's font.
 */
export interface PageData {
  lang: string;
  dir: 'ltr' | 'rtl';
  t: Strings;
  /** The brand as this language prints it (its own tagline and contact line, when given). */
  brand: Brand;
  /** The brand's fonts plus the script's, and the `font-family` stack naming both. */
  fonts: DocumentFonts;
  notice?: Notice;
  machineNotice?: Notice;
  reviewedText: string;
  reviewDueText: string;
  sources: SourceEntry[];
  keywords: string[];
}

/** Pure: the page data of a document. */
export function pageData(doc: PreparedDocument, templates: TemplateSet): PageData {
  const { strings: t } = stringsFor(templates, doc.lang);
  const { meta } = doc;
  return {
    lang: doc.lang,
    dir: textDirection(doc.lang),
    t,
    brand: brandFor(templates, t),
    fonts: templates.fontsFor(doc.lang),
    notice: noticeFor(meta, t),
    machineNotice: meta.machine_translated ? { title: t.machine_translated_title, body: t.machine_translated_body } : undefined,
    reviewedText: formatDate(meta.reviewed, doc.lang),
    reviewDueText: meta.review_due ? formatDate(meta.review_due, doc.lang) : '',
    sources: (meta.sources ?? []).map(normaliseSource),
    keywords: meta.keywords ?? [],
  };
}

/** `rtl` for languages written right to left (Arabic, Hebrew...), as the platform's locale data says. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** The notice an experimental or draft document carries, in its language. */
export function noticeFor(meta: PreparedDocument['meta'], t: Strings): Notice | undefined {
  if (meta.status === 'experimental') return { title: t.experimental_title, body: t.experimental_body };
  if (meta.status === 'draft') return { title: t.draft_title, body: t.draft_body };
  return undefined;
}

export function normaliseSource(source: Source): SourceEntry {
  if (typeof source === 'string') return { title: source };
  return { ...source, year: source.year === undefined ? undefined : String(source.year) };
}
