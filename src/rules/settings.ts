import type { RulesConfig } from './schema.js';

/** Severities a configurable rule can be given. */
export const SEVERITIES = ['off', 'warn', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Content rules a clinic can tune in `handouts.config.yaml` under `rules:`. Structural problems
 * (front matter, includes, unknown directives, missing images) always fail the document: it
 * cannot be built right without them fixed.
 */
export const CONFIGURABLE_RULES = ['image-alt', 'link-broken', 'reading-level', 'review-due', 'disclaimer', 'sources', 'slide-overflow', 'html-removed', 'placeholder', 'translation-stale'] as const;
export type ConfigurableRule = (typeof CONFIGURABLE_RULES)[number];

/** Rule settings with every default filled in. */
export interface ResolvedRules {
  /** A severity set by the user; absent means the rule's own default for each message. */
  severity: Partial<Record<ConfigurableRule, Severity>>;
  readingGrade: number;
  /** Sentences above this grade (and judged hard by most of retext-readability's formulas) are shown. */
  sentenceGrade: number;
  hardSentences: number;
  reviewWarnDays: number;
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
  return {
    severity,
    readingGrade: reading.grade ?? 8,
    sentenceGrade: reading.sentence_grade ?? (reading.grade ?? 8) + 2,
    hardSentences: reading.sentences ?? 5,
    reviewWarnDays: review.warn_days ?? 30,
  };
}
