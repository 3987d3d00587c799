import { toString as nlcstToString } from 'nlcst-to-string';
import { proseOf } from './prose.js';
import { excerpt } from './readability-en.js';
import type { SourceRule } from './rule.js';
import { sentencesOf, wordsOf } from './sentences.js';

/**
 * `long-sentence`: a sentence longer than the configured number of words (default 20), located
 * where it starts. Every word a patient reads or hears counts (see `proseOf`), in any language.
 */
export const longSentence: SourceRule<{ words: number }> = {
  id: 'long-sentence',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'sentences longer than a set number of words (default 20)',
  defaults: { words: 20 },
  options: (z) => ({
    /** A sentence is pointed out above this many words. Default 20. */
    words: z.number().int().min(5).max(100).optional(),
  }),
  check(doc, _context, { report, options }) {
    const limit = options.words;
    for (const passage of proseOf(doc, 'all')) {
      for (const sentence of sentencesOf(passage.tree)) {
        const words = wordsOf(sentence);
        if (words.length <= limit) continue;
        report(`Long sentence (${words.length} words; keep to ${limit} or fewer): “${excerpt(nlcstToString(sentence))}”`, {
          place: passage.place(words[0]!.node),
          in: passage.file === doc.ref.source ? undefined : passage.file,
        });
      }
    }
  },
};
