import type { RulesConfig } from './schema.js';

/** Severities a configurable rule can be given. */
export const SEVERITIES = ['off', 'warn', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Content rules a clinic can tune in `handouts.config.yaml` under `rules:`. Structural problems
 * (front matter, includes, unknown directives, missing images) always fail the document: it
 * cannot be built right without them fixed.
 */
export const CONFIGURABLE_RULES = [
  'image-alt',
  'link-broken',
  'reading-level',
  'plain-words',
  'passive-voice',
  'long-sentence',
  'actionable',
  'review-due',
  'disclaimer',
  'sources',
  'slide-overflow',
  'html-removed',
  'placeholder',
  'translation-stale',
] as const;
export type ConfigurableRule = (typeof CONFIGURABLE_RULES)[number];

/** Rule settings with every default filled in. */
export interface ResolvedRules {
  /** A severity set by the user; absent means the rule's own default for each message. */
  severity: Partial<Record<ConfigurableRule, Severity>>;
  readingGrade: number;
  /** Sentences above this grade (and judged hard by most of retext-readability's formulas) are shown. */
  sentenceGrade: number;
  hardSentences: number;
  /** Lowest reading ease (INFLESZ) for a document in a language measured by ease (Spanish). */
  readingEase: number;
  /** Sentences below this ease are shown. */
  sentenceEase: number;
  reviewWarnDays: number;
  /** A sentence longer than this many words is pointed out. */
  longSentenceWords: number;
  /** Terms a clinic adds to (or removes from) the word lists, per language. */
  plainWords: {
    add: Readonly<Record<string, readonly { term: string; say: readonly string[] }[]>>;
    remove: Readonly<Record<string, readonly string[]>>;
    keep: Readonly<Record<string, readonly string[]>>;
  };
  /** Headings that open a section telling the reader what to do, per language (replacing the built-in ones). */
  actionHeadings: Readonly<Record<string, readonly string[]>>;
}

export function resolveRules(config: RulesConfig = {}): ResolvedRules {
  const severity: ResolvedRules['severity'] = {};
  for (const rule of CONFIGURABLE_RULES) {
    const value = config[rule];
    const chosen = typeof value === 'string' ? value : value?.severity;
    if (chosen) severity[rule] = chosen;
  }
  const reading = typeof config['reading-level'] === 'object' ? config['reading-level'] : {};
  const review = typeof config['review-due'] === 'object' ? config['review-due'] : {};
  const words = typeof config['plain-words'] === 'object' ? config['plain-words'] : {};
  const long = typeof config['long-sentence'] === 'object' ? config['long-sentence'] : {};
  const actionable = typeof config.actionable === 'object' ? config.actionable : {};
  return {
    severity,
    readingGrade: reading.grade ?? 8,
    sentenceGrade: reading.sentence_grade ?? (reading.grade ?? 8) + 2,
    hardSentences: reading.sentences ?? 5,
    readingEase: reading.ease ?? 65,
    sentenceEase: reading.sentence_ease ?? 40,
    reviewWarnDays: review.warn_days ?? 30,
    longSentenceWords: long.words ?? 20,
    plainWords: { add: words.add ?? {}, remove: words.remove ?? {}, keep: words.keep ?? {} },
    actionHeadings: actionable.headings ?? {},
  };
}
