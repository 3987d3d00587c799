import type { Root as NlcstRoot, Sentence } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import { visit } from 'unist-util-visit';
import { normalise } from './terms.js';

/** A word of a sentence, as matching and rules read it. */
export interface SentenceWord {
  /** Lower case, one kind of apostrophe. */
  text: string;
  /** The word node, for its place. */
  node: Sentence['children'][number];
  /** Its index among the sentence's children. */
  child: number;
  /** Only white space stands between it and the word before (a phrase can run across it). */
  joined: boolean;
}

/** Pure: every sentence of a passage's tree, in reading order. */
export function sentencesOf(tree: NlcstRoot): Sentence[] {
  const sentences: Sentence[] = [];
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    sentences.push(sentence);
  });
  return sentences;
}

/** Pure: the words of a sentence (numbers and symbols left out). */
export function wordsOf(sentence: Sentence): SentenceWord[] {
  const words: SentenceWord[] = [];
  let joined = false;
  sentence.children.forEach((node, child) => {
    if (node.type === 'WordNode') {
      const text = normalise(nlcstToString(node));
      if (/\p{L}/u.test(text)) words.push({ text, node, child, joined });
      joined = true;
    } else if (node.type !== 'WhiteSpaceNode') joined = false;
  });
  return words;
}

/** The text of a sentence's children from `start` up to (not including) `end`. */
export function textBetween(sentence: Sentence, start: number, end = sentence.children.length): string {
  return normalise(nlcstToString(sentence.children.slice(start, end))).replace(/\s+/g, ' ');
}
