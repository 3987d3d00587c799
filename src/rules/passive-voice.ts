import { toString as nlcstToString } from 'nlcst-to-string';
import { baseLanguage } from '../core/lang.js';
import { englishPassives } from './passive-en.js';
import { spanishPassives } from './passive-es.js';
import { proseOf } from './prose.js';
import { excerpt } from './readability-en.js';
import type { SourceRule } from './rule.js';
import { sentencesOf, textBetween, wordsOf } from './sentences.js';

/**
 * `passive-voice`: sentences in the passive voice, each located, with the sentence: "Say who does
 * what". English through retext-passive and regular participles (see passive-en.ts); Spanish
 * through `ser` with a participle and `se` with the verbs listed in passive-es.ts, the forms that
 * can be told apart from reflexives reliably. Other languages are not checked.
 */
export const passiveVoice: SourceRule = {
  id: 'passive-voice',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'sentences in the passive voice (English; Spanish ser + participle and se + verb)',
  check(doc, _context, { report }) {
    const lang = baseLanguage(doc.lang);
    if (lang !== 'en' && lang !== 'es') return;
    for (const passage of proseOf(doc, 'all')) {
      for (const sentence of sentencesOf(passage.tree)) {
        const found = lang === 'en' ? englishPassives(sentence) : spanishPassives(wordsOf(sentence));
        for (const [first, last] of found) {
          const said = textBetween(sentence, first.child, last.child + 1);
          report(`Passive voice (“${said}”): “${excerpt(nlcstToString(sentence))}” Say who does what.`, {
            place: passage.place(first.node),
            in: passage.file === doc.ref.source ? undefined : passage.file,
          });
        }
      }
    }
  },
};
