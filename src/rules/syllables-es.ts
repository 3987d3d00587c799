import { createRequire } from 'node:module';
import { remember } from '../core/memo.js';

// silabea is CommonJS; its one function splits a Spanish word into syllables by the rules of
// Spanish spelling (diphthongs, hiatus, accents). Checked on a word list in the unit tests.
const { getSilabas } = createRequire(import.meta.url)('silabea') as typeof import('silabea');

const SPANISH_WORD = /^[a-záéíóúüñ]+$/;
const counted = new Map<string, number>();

/**
 * Syllables of a word in Spanish text. A word in Spanish spelling goes to silabea; a word it
 * cannot read (a name like Sjögren, a word with digits) counts its groups of vowels. Remembered:
 * a document repeats its words, and silabea does much work for each.
 */
export function spanishSyllables(word: string): number {
  const lower = word.toLowerCase();
  return remember(counted, lower, 20_000, () => {
    if (SPANISH_WORD.test(lower)) return Math.max(1, getSilabas(lower).numeroSilaba);
    return Math.max(1, lower.match(/[aeiouáéíóúüöäëïy]+/g)?.length ?? 1);
  });
}
