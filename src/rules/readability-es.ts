import type { Sentence } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import { visit } from 'unist-util-visit';
import type { MessageOptions } from '../core/diagnostics.js';
import type { EaseFigures, ReadingOptions } from '../core/readability.js';
import type { PreparedDocument } from '../transform/prepared.js';
import { proseOf } from './prose.js';
import { excerpt, MIN_WORDS, round } from './readability-en.js';
import type { Reporter } from './rule.js';
import { spanishSyllables } from './syllables-es.js';

/** A sentence shorter than this is not judged alone: one long word swings its score. */
const MIN_SENTENCE_WORDS = 10;

/**
 * Pure: Szigriszt-Pazos's reading ease (the perspicuity formula, 1993), the Flesch formula fitted
 * to Spanish: 206.835 - 62.3 x syllables per word - words per sentence.
 */
export function szigrisztPazos(counts: { sentences: number; words: number; syllables: number }): number {
  if (!counts.words || !counts.sentences) return 0;
  return 206.835 - (62.3 * counts.syllables) / counts.words - counts.words / counts.sentences;
}

/** The INFLESZ scale's band of a score (Barrio-Cantalejo et al., 2008), in its own words. */
export function inflesz(score: number): string {
  if (score < 40) return 'muy difícil';
  if (score < 55) return 'algo difícil';
  if (score < 65) return 'normal';
  if (score < 80) return 'bastante fácil';
  return 'muy fácil';
}

/**
 * Pure: `reading-level` for Spanish. Measures the text patients read on paper (see `proseOf`)
 * with Szigriszt-Pazos on the INFLESZ scale, syllables from silabea; warns below the target
 * (default 65, `bastante fácil`) and points out the hardest sentences, each where it is written.
 */
export function checkEase(doc: PreparedDocument, options: ReadingOptions, report: Reporter): EaseFigures {
  const total = { sentences: 0, words: 0, syllables: 0 };
  const hard: { score: number; sentence: Sentence; file: string; place: MessageOptions['place'] }[] = [];
  for (const passage of proseOf(doc, 'printed')) {
    visit(passage.tree, 'SentenceNode', (sentence: Sentence) => {
      const counts = { sentences: 1, words: 0, syllables: 0 };
      for (const word of sentence.children) {
        if (word.type !== 'WordNode') continue;
        const text = nlcstToString(word);
        if (!/\p{L}/u.test(text)) continue;
        counts.words++;
        counts.syllables += spanishSyllables(text);
      }
      if (!counts.words) return;
      total.sentences++;
      total.words += counts.words;
      total.syllables += counts.syllables;
      const score = szigrisztPazos(counts);
      const place = passage.place(sentence);
      if (counts.words >= MIN_SENTENCE_WORDS && score < options.sentence_ease && place) hard.push({ score, sentence, file: passage.file, place });
    });
  }
  const score = round(szigrisztPazos(total));
  const figures: EaseFigures = {
    scale: 'INFLESZ',
    formula: 'Szigriszt-Pazos',
    score,
    band: inflesz(score),
    target: options.ease,
    sentences: total.sentences,
    words: total.words,
  };
  if (figures.words >= MIN_WORDS && score < options.ease) {
    report(
      `Reading ease is ${score} on the INFLESZ scale (${figures.band}; Szigriszt-Pazos); patient material should score ${options.ease} (${inflesz(options.ease)}) or more`,
      {
        place: { line: 1, column: 1 },
      },
    );
  }
  for (const { score: own, sentence, file, place } of hard.sort((a, b) => a.score - b.score).slice(0, options.sentences)) {
    report(`Hard to read sentence (INFLESZ ${round(own)}, ${inflesz(own)}; shorten it or use simpler words): “${excerpt(nlcstToString(sentence))}”`, {
      place,
      in: file === doc.ref.source ? undefined : file,
    });
  }
  return figures;
}
