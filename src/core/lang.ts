import { z } from 'zod';

/** A BCP 47 tag, checked by the platform's own parser rather than a hand-written pattern. */
export const languageTag = z.string().refine((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}, 'must be a BCP 47 language tag such as `en` or `es-MX`');

/** The base language of a tag: `es-MX` -> `es`. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0] as string;
}

/** A problem in a language's template text file, located in that file. */
export interface LanguageProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}
