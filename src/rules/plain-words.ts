import type { Sentence } from 'nlcst';
import { remember } from '../core/memo.js';
import type { PlainWordList } from '../templates/plain-words.js';
import { proseOf } from './prose.js';
import type { SourceRule } from './rule.js';
import { sentencesOf, textBetween, wordsOf, type SentenceWord } from './sentences.js';
import { matchAt, normalise, termIndex, type Term, type TermIndex } from './terms.js';

/**
 * `plain-words`: a medical or formal term where an everyday word would do, with the words to say
 * instead, from the language's word list (`templates/plain-words/<lang>.yaml`, plus the config's
 * additions and removals). Every word a patient reads or hears is checked: the title, summary,
 * headings, lists, tables, slide-only, brochure-only and speaker-notes text. A term explained where
 * it is used (see `explained_by` in the word list) is not flagged, there or later in the document.
 */
/** Terms a clinic adds to (or removes from) the word lists, and names never flagged, per language. */
interface PlainWordOptions {
  add: Readonly<Record<string, readonly { term: string; say: readonly string[] }[]>>;
  remove: Readonly<Record<string, readonly string[]>>;
  keep: Readonly<Record<string, readonly string[]>>;
}

export const plainWords: SourceRule<PlainWordOptions> = {
  id: 'plain-words',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'medical and formal words, with everyday words to say instead, unless explained where used',
  defaults: { add: {}, remove: {}, keep: {} },
  options: (z) => ({
    /** More terms, per language: `en: [{ term: neuropathy, say: [nerve damage] }]`. */
    add: z.record(z.string(), z.array(z.strictObject({ term: z.string().min(1), say: z.array(z.string().min(1)).min(1) }))).optional(),
    /** Terms of the built-in lists not to flag, per language: `en: [chronic]`. */
    remove: z.record(z.string(), z.array(z.string().min(1))).optional(),
    /** Names in which no term is flagged, per language: `en: [acute flaccid myelitis]`. */
    keep: z.record(z.string(), z.array(z.string().min(1))).optional(),
  }),
  check(doc, context, { report, options }) {
    const list = context.plainWords;
    if (!list) return;
    const { index, keep } = indexFor(list, doc.lang, options);
    const explained = new Set<string>();
    for (const passage of proseOf(doc, 'all')) {
      const sentences = sentencesOf(passage.tree);
      sentences.forEach((sentence, i) => {
        const words = wordsOf(sentence);
        const named = namesIn(keep, words);
        for (let at = 0; at < words.length; at++) {
          const form = named.has(at) ? undefined : matchAt(index, words, at);
          if (!form) continue;
          const end = at + form.words.length - 1;
          const { term } = form.term;
          const next = sentences[i + 1];
          if (
            !explained.has(term) &&
            (isExplained(list.explained_by, sentence, words[at]!, words[end]!, next) || (next && explainedIn(next, form.term, index, list.explained_by)))
          ) {
            explained.add(term);
          }
          if (!explained.has(term)) {
            const actual = textBetween(sentence, words[at]!.child, words[end]!.child + 1);
            const message = `“${actual}”: say ${form.term.say.map((s) => `“${s}”`).join(' or ')} instead, or explain it where it is used`;
            report(message, { place: passage.place(words[at]!.node), in: passage.file === doc.ref.source ? undefined : passage.file });
            const said = doc.file.messages.at(-1)!;
            said.actual = actual;
            said.expected = [...form.term.say];
          }
          at = end;
        }
      });
    }
  },
};

/** The word list with the config's changes, indexed once per build for each language. */
const indexes = new WeakMap<PlainWordList, Map<string, { index: TermIndex; keep: TermIndex }>>();

function indexFor(list: PlainWordList, lang: string, options: PlainWordOptions): { index: TermIndex; keep: TermIndex } {
  const byConfig = indexes.get(list) ?? new Map<string, { index: TermIndex; keep: TermIndex }>();
  indexes.set(list, byConfig);
  const { add, remove, keep } = options;
  const added = add[list.lang] ?? [];
  const removed = new Set((remove[list.lang] ?? []).map(normalise));
  const kept = [...list.keep, ...(keep[list.lang] ?? [])];
  return remember(byConfig, JSON.stringify([added, [...removed], kept]), 8, () => {
    const terms: Term[] = [...list.terms.filter((t) => !removed.has(normalise(t.term))), ...added];
    // Names are matched as they are written, with the same forms as terms (plurals).
    return {
      index: termIndex(terms, lang),
      keep: termIndex(
        kept.map((name) => ({ term: name, say: [] })),
        lang,
      ),
    };
  });
}

/** The words of a sentence that belong to a name the list keeps (`multiple sclerosis`). */
function namesIn(keep: TermIndex, words: readonly SentenceWord[]): Set<number> {
  const named = new Set<number>();
  for (let at = 0; at < words.length; at++) {
    const name = matchAt(keep, words, at);
    if (!name) continue;
    for (let i = at; i < at + name.words.length; i++) named.add(i);
    at += name.words.length - 1;
  }
  return named;
}

/**
 * Whether the term is explained where it stands: a phrase from the list right after it (or after
 * the word or two it qualifies: "chronic pain means"; past a comma, colon or dash, unless the phrase
 * starts with punctuation of its own; `…` in a phrase stands for up to four words: "is … that"),
 * right before it (an article may stand between), or at the start of the next sentence.
 */
function isExplained(by: PlainWordList['explained_by'], sentence: Sentence, first: SentenceWord, last: SentenceWord, next: Sentence | undefined): boolean {
  const after = textBetween(sentence, last.child + 1).trimStart();
  const before = textBetween(sentence, 0, first.child).trimEnd();
  const following = next ? textBetween(next, 0).trimStart() : '';
  const word = '(?![\\p{L}])';
  const qualified = "(?:[\\p{L}'-]+\\s*){0,2}?";
  return (
    by.after.some((p) =>
      new RegExp(`^${qualified}${/^\p{L}/u.test(p) ? '[,:;—–-]?\\s*' : ''}${pattern(p)}${/\p{L}$/u.test(p) ? word : ''}`, 'u').test(after),
    ) ||
    by.before.some((p) => new RegExp(`(^|[^\\p{L}])${pattern(p)}(\\s+(a|an|the|el|la|los|las|un|una|unos|unas))?$`, 'u').test(before)) ||
    by.next.some((p) => new RegExp(`^${pattern(p)}${word}`, 'u').test(following))
  );
}

/** A phrase of the list as a regular expression: its words as written, `…` for up to four words. */
function pattern(phrase: string): string {
  return normalise(phrase)
    .split(/\s*…\s*/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(?:\\s+\\S+){0,4}\\s+');
}

/**
 * Whether the next sentence uses the same term and explains it there: a heading that names a term
 * is explained by the paragraph under it ("Can stem cells help chronic pain?" "Chronic pain means…").
 */
function explainedIn(sentence: Sentence, term: Term, index: TermIndex, by: PlainWordList['explained_by']): boolean {
  const words = wordsOf(sentence);
  return words.some((_, at) => {
    const form = matchAt(index, words, at);
    return form?.term === term && isExplained(by, sentence, words[at]!, words[at + form.words.length - 1]!, undefined);
  });
}
