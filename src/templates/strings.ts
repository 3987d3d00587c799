import type { Brand, Strings, TemplateSet } from './brand.js';

export interface StringsLookup {
  strings: Strings;
  /** The language whose text was used, when it is not the one asked for. */
  fallback?: string;
}

/**
 * Template text for a language: the exact tag, then its base language (`es-MX` -> `es`), then
 * English. A fallback is reported by the caller as a warning, never silent.
 */
export function stringsFor(templates: TemplateSet, lang: string): StringsLookup {
  const candidates = [lang, lang.split('-')[0] as string, 'en'];
  for (const candidate of candidates) {
    const strings = templates.strings[candidate];
    if (strings) return candidate === lang ? { strings } : { strings, fallback: candidate };
  }
  throw new Error('templates/i18n/en.yaml is required and was checked when the templates were loaded');
}

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** A calendar date (`YYYY-MM-DD`) written out for readers, in the document's language. */
export function formatDate(iso: string, lang: string): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    formats.set(lang, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/** Date formats by language: making one is far slower than using it. */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The brand as a document in one language prints it: brand.yaml's tagline and contact line,
 * unless that language's template text gives its own (a Spanish handout gets a Spanish contact
 * line, not the English one).
 */
export function brandFor(templates: TemplateSet, t: Strings): Brand {
  return { ...templates.brand, tagline: t.clinic_tagline ?? templates.brand.tagline, contact: t.clinic_contact ?? templates.brand.contact };
}
