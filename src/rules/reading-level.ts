import { fleschKincaid } from 'flesch-kincaid';
import type { Heading, Root, RootContent } from 'mdast';
import { toNlcst } from 'mdast-util-to-nlcst';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Root as NlcstRoot, Sentence } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import { ParseEnglish } from 'parse-english';
import retextReadability from 'retext-readability';
import { smogFormula } from 'smog-formula';
import { syllable } from 'syllable';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { PreparedDocument } from '../transform/document.js';
import { warn } from '../core/diagnostics.js';
import { forAudience } from '../transform/audience.js';
import type { SourceRule } from './rule.js';
import type { ResolvedRules } from './settings.js';

/** Reading figures of a document's patient-facing text, for the report, manifest and catalog. */
export interface Readability {
  /** Flesch-Kincaid grade level. */
  grade: number;
  /** SMOG index (a grade level). */
  smog: number;
  sentences: number;
  words: number;
  /** The grade the rule checks against. */
  target: number;
}

type Counts = {
  sentence: number;
  word: number;
  syllable: number;
  polysillabicWord: number;
};

const MIN_WORDS = 30;

export const readingLevel: SourceRule = {
  id: 'reading-level',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'Flesch-Kincaid grade and SMOG index of what patients read, against a target, and the hardest sentences',
  check: (doc, context) => ({ readability: checkReadability(doc, context.rules) }),
};

/** Sections that list references are not read as prose. */
const REFERENCE_HEADING = /^(references|sources|bibliography|further reading)$/i;

/**
 * Pure: `reading-level`. Measures the text patients read (the handout's text; speaker notes and
 * references excluded) with Flesch-Kincaid and SMOG, and points out the hardest sentences that
 * retext-readability's seven formulas agree are above the target. Syllables are counted by the
 * `syllable` package. Sentences in a partial are located in the partial.
 */
export function checkReadability(doc: PreparedDocument, rules: ResolvedRules): Readability {
  const total: Counts = { sentence: 0, word: 0, syllable: 0, polysillabicWord: 0 };
  const hard: { grade: number; sentence: Sentence; file: string }[] = [];
  for (const group of groupByFile(withoutReferences(forAudience(doc.tree, 'handout').children), doc.ref.source)) {
    const vfile = new VFile({ path: group.file, value: doc.texts.get(group.file) ?? '' });
    const root: Root = {
      type: 'root',
      children: group.nodes,
      position: { start: group.nodes[0]!.position!.start, end: group.nodes[group.nodes.length - 1]!.position!.end },
    };
    const tree = toNlcst(root, vfile, ParseEnglish, { ignore: ['code', 'html', 'yaml'] });
    const grades = new Map<Sentence, number>();
    visit(tree, 'SentenceNode', (sentence: Sentence) => {
      const counts = countSentence(sentence);
      if (!counts.word) return;
      for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
      grades.set(sentence, fleschKincaid(counts));
    });
    // retext-readability's age scale is US grade + 5. Shorter sentences are left alone: one long
    // word in a five-word sentence swings every formula, and such sentences read easily.
    retextReadability({ age: rules.readingGrade + 5, minWords: 8 })(tree as NlcstRoot, vfile);
    visit(tree, 'SentenceNode', (sentence: Sentence) => {
      const flagged = vfile.messages.some(
        (m) => m.place && 'start' in m.place && m.place.start.offset === sentence.position?.start.offset,
      );
      const grade = grades.get(sentence) ?? 0;
      if (flagged && grade > rules.sentenceGrade) hard.push({ grade, sentence, file: group.file });
    });
  }
  const figures: Readability = {
    grade: round(total.word ? fleschKincaid(total) : 0),
    smog: round(total.sentence ? smogFormula(total) : 0),
    sentences: total.sentence,
    words: total.word,
    target: rules.readingGrade,
  };
  // Grade formulas need running text; a stub of a few words gets a meaningless grade.
  if (figures.words >= MIN_WORDS && figures.grade > rules.readingGrade) {
    warn(doc.file, `Reading level is grade ${figures.grade} (Flesch-Kincaid; SMOG ${figures.smog}); patient material should be at grade ${rules.readingGrade} or lower`, {
      place: { line: 1, column: 1 },
      ruleId: 'reading-level',
    });
  }
  for (const { grade, sentence, file } of hard.sort((a, b) => b.grade - a.grade).slice(0, rules.hardSentences)) {
    warn(doc.file, `Hard to read sentence (grade ${round(grade)}; shorten it or use simpler words): “${excerpt(nlcstToString(sentence))}”`, {
      place: sentence.position,
      ruleId: 'reading-level',
      in: file === doc.ref.source ? undefined : file,
    });
  }
  return figures;
}

function countSentence(sentence: Sentence): Counts {
  const counts: Counts = { sentence: 1, word: 0, syllable: 0, polysillabicWord: 0 };
  visit(sentence, 'WordNode', (word) => {
    const syllables = syllable(nlcstToString(word));
    counts.word++;
    counts.syllable += syllables;
    if (syllables >= 3) counts.polysillabicWord++;
  });
  return counts;
}

/** Consecutive top-level nodes from the same file, since positions are relative to that file. */
function groupByFile(nodes: RootContent[], self: string): { file: string; nodes: RootContent[] }[] {
  const groups: { file: string; nodes: RootContent[] }[] = [];
  for (const node of nodes) {
    const file = node.data?.file ?? self;
    const last = groups[groups.length - 1];
    if (last?.file === file) last.nodes.push(node);
    else groups.push({ file, nodes: [node] });
  }
  return groups;
}

function withoutReferences(nodes: RootContent[]): RootContent[] {
  let skipping: number | undefined;
  return nodes.filter((node) => {
    if (node.type === 'heading') {
      if (skipping !== undefined && node.depth <= skipping) skipping = undefined;
      if (REFERENCE_HEADING.test(mdastToString(node as Heading).trim())) skipping = node.depth;
    }
    return skipping === undefined;
  });
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
