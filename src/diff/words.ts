import { diffArrays } from 'diff';

/** What changed in a page's words: runs of words taken out and put in, in reading order. */
export interface WordChange {
  removed: string[];
  added: string[];
  /** The page's text with each change marked, for the report: `same` runs, `removed` and `added` ones. */
  runs: { kind: 'same' | 'removed' | 'added'; text: string }[];
}

/**
 * Pure: the words of a page before and after, compared word by word (jsdiff's longest common
 * subsequence). Long runs of unchanged words are cut to a few on each side of a change.
 */
export function wordChange(before: readonly string[], after: readonly string[], context = 8): WordChange {
  const parts = diffArrays([...before], [...after]);
  const removed: string[] = [];
  const added: string[] = [];
  const runs: WordChange['runs'] = [];
  for (const [i, part] of parts.entries()) {
    const text = part.value.join(' ');
    if (part.removed) removed.push(text);
    if (part.added) added.push(text);
    if (part.added || part.removed) {
      runs.push({ kind: part.added ? 'added' : 'removed', text });
      continue;
    }
    const words = part.value;
    const first = i === 0;
    const last = i === parts.length - 1;
    if (words.length <= context * 2) {
      runs.push({ kind: 'same', text });
      continue;
    }
    const head = first ? [] : words.slice(0, context);
    const tail = last ? [] : words.slice(-context);
    runs.push({ kind: 'same', text: [...head, '…', ...tail].join(' ') });
  }
  return { removed, added, runs };
}
