import { toString as nlcstToString } from 'nlcst-to-string';
import { warn } from '../core/diagnostics.js';
import { proseOf } from './prose.js';
import { excerpt } from './readability-en.js';
import type { SourceRule } from './rule.js';
import { sentencesOf, wordsOf } from './sentences.js';

/**
 * `long-sentence`: a sentence longer than the configured number of words (default 20), located
 * where it starts. Every word a patient reads or hears counts (see `proseOf`), in any language.
 */
export const longSentence: SourceRule = {
  id: 'long-sentence',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'sentences longer than a set number of words (default 20)',
  check(doc, context) {
    const limit = context.rules.longSentenceWords;
    for (const passage of proseOf(doc, 'all')) {
      for (const sentence of sentencesOf(passage.tree)) {
        const words = wordsOf(sentence);
        if (words.length <= limit) continue;
        warn(doc.file, `Long sentence (${words.length} words; keep to ${limit} or fewer): “${excerpt(nlcstToString(sentence))}”`, {
          place: passage.place(words[0]!.node),
          ruleId: 'long-sentence',
          in: passage.file === doc.ref.source ? undefined : passage.file,
        });
      }
    }
  },
};
