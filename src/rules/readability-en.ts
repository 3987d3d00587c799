import { fleschKincaid } from 'flesch-kincaid';
import type { Sentence } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import retextReadability from 'retext-readability';
import { smogFormula } from 'smog-formula';
import { syllable } from 'syllable';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { PreparedDocument } from '../transform/prepared.js';
import type { MessageOptions } from '../core/diagnostics.js';
import { remember } from '../core/memo.js';
import { proseOf } from './prose.js';
import type { GradeFigures, ReadingOptions } from '../core/readability.js';
import type { Reporter } from './rule.js';

type Counts = {
  sentence: number;
  word: number;
  syllable: number;
  polysillabicWord: number;
};

/** Grade formulas need running text; a stub of a few words gets a meaningless grade. */
export const MIN_WORDS = 30;

/**
 * Pure: `reading-level` for English. Measures the text patients read on paper (see `proseOf`) with Flesch-Kincaid
 * and SMOG, and points out the hardest sentences that retext-readability's seven formulas agree are
 * above the target. Syllables are counted by the `syllable` package. Sentences in a partial are
 * located in the partial.
 */
export function checkGrade(doc: PreparedDocument, options: ReadingOptions, report: Reporter): GradeFigures {
  const total: Counts = { sentence: 0, word: 0, syllable: 0, polysillabicWord: 0 };
  const hard: { grade: number; sentence: Sentence; file: string; place: MessageOptions['place'] }[] = [];
  // retext-readability's age scale is US grade + 5. Shorter sentences are left alone: one long
  // word in a five-word sentence swings every formula, and such sentences read easily.
  const judge = retextReadability({ age: options.grade + 5, minWords: 8 });
  for (const passage of proseOf(doc, 'printed')) {
    // Only a sentence above the sentence grade can be reported, so only those go to the seven
    // formulas (retext-readability looks every word up in two long word lists): same verdicts,
    // a fraction of the work on plain-language text.
    const candidates: { sentence: Sentence; grade: number }[] = [];
    visit(passage.tree, 'SentenceNode', (sentence: Sentence) => {
      const counts = countSentence(sentence);
      if (!counts.word) return;
      for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
      const grade = fleschKincaid(counts);
      if (grade > (options.sentence_grade ?? options.grade + 2)) candidates.push({ sentence, grade });
    });
    if (!candidates.length) continue;
    // Flagged sentences are known by node, not by place: sanitised HTML and the summary have no
    // place of their own in the file.
    const verdicts = new VFile();
    judge({ type: 'RootNode', children: [{ type: 'ParagraphNode', children: candidates.map((c) => c.sentence) }] }, verdicts);
    const flagged = new Set(verdicts.messages.map((m) => m.ancestors?.at(-1)));
    for (const { sentence, grade } of candidates) {
      const place = passage.place(sentence);
      if (flagged.has(sentence) && place) hard.push({ grade, sentence, file: passage.file, place });
    }
  }
  const figures: GradeFigures = {
    grade: round(total.word ? fleschKincaid(total) : 0),
    smog: round(total.sentence ? smogFormula(total) : 0),
    sentences: total.sentence,
    words: total.word,
    target: options.grade,
  };
  if (figures.words >= MIN_WORDS && figures.grade > options.grade) {
    report(`Reading level is grade ${figures.grade} (Flesch-Kincaid; SMOG ${figures.smog}); patient material should be at grade ${options.grade} or lower`, {
      place: { line: 1, column: 1 },
    });
  }
  for (const { grade, sentence, file, place } of hard.sort((a, b) => b.grade - a.grade).slice(0, options.sentences)) {
    report(`Hard to read sentence (grade ${round(grade)}; shorten it or use simpler words): “${excerpt(nlcstToString(sentence))}”`, {
      place,
      in: file === doc.ref.source ? undefined : file,
    });
  }
  return figures;
}

function countSentence(sentence: Sentence): Counts {
  const counts: Counts = { sentence: 1, word: 0, syllable: 0, polysillabicWord: 0 };
  // In nlcst a sentence's words are its own children: a loop, not a tree walk, for every sentence.
  for (const word of sentence.children) {
    if (word.type !== 'WordNode') continue;
    const syllables = syllablesOf(nlcstToString(word));
    counts.word++;
    counts.syllable += syllables;
    if (syllables >= 3) counts.polysillabicWord++;
  }
  return counts;
}

/**
 * Syllables per word, remembered: a document repeats its words, and the counter's rules and
 * exception lists cost more than a lookup. Bounded, so a long build's memory stays flat.
 */
const syllableCounts = new Map<string, number>();

function syllablesOf(word: string): number {
  return remember(syllableCounts, word, 20_000, () => syllable(word));
}

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
