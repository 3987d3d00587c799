import { baseLanguage } from '../core/lang.js';

/** A term to flag and the everyday words to say instead. */
export interface Term {
  term: string;
  say: readonly string[];
  /** Forms that cannot be made from the term by rule (irregular, or Spanish verb forms). */
  forms?: readonly string[];
}

/** A form of a term as words, for matching word by word. */
export interface TermForm {
  words: readonly string[];
  term: Term;
}

/** Forms by their first word, longest first, so that a longer term wins over a shorter one it starts with. */
export type TermIndex = ReadonlyMap<string, readonly TermForm[]>;

/** Text compared the way words are matched: lower case, one kind of apostrophe. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

/**
 * Pure: every form of every term, indexed by first word. A term's last word is inflected by the
 * regular rules of its language (English plurals, -ed, -ing, y to ies; Spanish gender and number),
 * which may make forms that are not words: they are never met in text, so they cost nothing. What
 * those rules cannot make is listed in the word list's `forms`.
 */
export function termIndex(terms: readonly Term[], lang: string): TermIndex {
  const index = new Map<string, TermForm[]>();
  const spanish = baseLanguage(lang) === 'es';
  for (const term of terms) {
    const words = normalise(term.term).split(/\s+/);
    const last = words.length - 1;
    const phrases = new Set<string>();
    for (const form of spanish ? spanishForms(words[last]!) : englishForms(words[last]!)) phrases.add([...words.slice(0, last), form].join(' '));
    // Spanish agrees in number across the phrase: "ensayo clínico" -> "ensayos clínicos".
    if (spanish && words.length > 1) phrases.add(words.map((word) => spanishPlural(word)).join(' '));
    for (const form of term.forms ?? []) phrases.add(normalise(form));
    for (const phrase of phrases) {
      const split = phrase.split(/\s+/);
      const list = index.get(split[0]!) ?? [];
      list.push({ words: split, term });
      index.set(split[0]!, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** Regular English forms of a word: plural and third person, past, -ing. */
function englishForms(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`];
  if (/[^aeiou]y$/.test(word)) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  if (/[^e]e$/.test(word)) forms.push(`${word.slice(0, -1)}ing`);
  // admit -> admitted, admitting
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word)) forms.push(`${word}${word.at(-1)}ed`, `${word}${word.at(-1)}ing`);
  return forms;
}

/** Regular Spanish forms of a word: feminine and plural of adjectives and nouns. */
function spanishForms(word: string): string[] {
  const forms = [word, spanishPlural(word)];
  if (word.endsWith('o')) forms.push(`${word.slice(0, -1)}a`, `${word.slice(0, -1)}as`);
  return forms;
}

function spanishPlural(word: string): string {
  if (/[aeiouáéó]$/.test(word)) return `${word}s`;
  if (word.endsWith('z')) return `${word.slice(0, -1)}ces`;
  // inflamación -> inflamaciones: the accent goes with the stress.
  const accented = /([áéíóú])([ns])$/.exec(word);
  if (accented) return `${word.slice(0, -2)}${unaccent(accented[1]!)}${accented[2]}es`;
  return `${word}es`;
}

function unaccent(vowel: string): string {
  return vowel.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a term that start at `at` in `words`, if any: the longest form that matches. */
export function matchAt(index: TermIndex, words: readonly { text: string; joined: boolean }[], at: number): TermForm | undefined {
  for (const form of index.get(words[at]!.text) ?? []) {
    if (form.words.every((word, i) => words[at + i]?.text === word && (i === 0 || words[at + i]!.joined))) return form;
  }
  return undefined;
}
