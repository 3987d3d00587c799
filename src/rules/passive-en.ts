import type { Sentence } from 'nlcst';
import retextPassive from 'retext-passive';
import { VFile } from 'vfile';
import { wordsOf, type SentenceWord } from './sentences.js';

const BE = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be', "isn't", "aren't", "wasn't", "weren't"]);

/**
 * Words in -ed that people use after `be` as adjectives, not as passives (`I am tired`). Only
 * these are spared: `is used`, `are needed`, `was tested` are passives to rewrite.
 */
const ADJECTIVES = new Set(
  'tired interested excited worried married scared concerned surprised pleased bored confused amazed satisfied embarrassed frightened relaxed ashamed annoyed disappointed depressed stressed exhausted overwhelmed prepared allowed supposed involved'.split(
    ' ',
  ),
);

/** Words that may stand between `be` and its participle (`is often used`), besides any in -ly. */
const BETWEEN = new Set([
  'not',
  'first',
  'often',
  'also',
  'still',
  'always',
  'never',
  'sometimes',
  'now',
  'already',
  'just',
  'only',
  'being',
  'been',
  'all',
  'both',
]);

const passive = retextPassive();

/**
 * Pure: the passives of an English sentence, each as its first and last word (`are` ... `used`).
 * retext-passive knows a form of `be` right before an irregular participle (`were given`); it
 * misses regular ones, so a form of `be` with a word in -ed (`is used`, `are not needed`, `is
 * still being tested`: an adverb may stand between) counts too.
 */
export function englishPassives(sentence: Sentence): [SentenceWord, SentenceWord][] {
  const words = wordsOf(sentence);
  const found = new Map<number, [SentenceWord, SentenceWord]>();
  const file = new VFile();
  passive({ type: 'RootNode', children: [{ type: 'ParagraphNode', children: [sentence] }] }, file);
  for (const message of file.messages) {
    const participle = String(message.actual ?? '').toLowerCase();
    const at = words.findIndex((word, i) => i > 0 && word.text === participle && BE.has(words[i - 1]!.text) && !found.has(i - 1));
    if (at > 0) found.set(at - 1, [words[at - 1]!, words[at]!]);
  }
  words.forEach((word, i) => {
    if (!BE.has(word.text) || found.has(i)) return;
    let next = i + 1;
    while (words[next] && (BETWEEN.has(words[next]!.text) || words[next]!.text.endsWith('ly'))) next++;
    const participle = words[next];
    if (participle && /^\p{L}{2,}ed$/u.test(participle.text) && !ADJECTIVES.has(participle.text)) found.set(i, [word, participle]);
  });
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, pair]) => pair);
}
