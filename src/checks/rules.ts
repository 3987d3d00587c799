import { z } from 'zod';

/** How a configurable rule reports: not at all, as a warning, or as an error that fails the document. */
export const severitySchema = z.enum(['off', 'warn', 'error']);
export type Severity = z.infer<typeof severitySchema>;

/**
 * Content rules a clinic can tune in `handouts.config.yaml` under `rules:`. Structural problems
 * (front matter, includes, unknown directives, missing images) always fail the document: it
 * cannot be built right without them fixed.
 */
export const CONFIGURABLE_RULES = ['image-alt', 'link-broken', 'reading-level', 'review-due', 'disclaimer', 'sources', 'slide-overflow'] as const;
export type ConfigurableRule = (typeof CONFIGURABLE_RULES)[number];

const withSeverity = <T extends z.ZodRawShape>(shape: T) =>
  z.union([severitySchema, z.strictObject({ severity: severitySchema.optional(), ...shape })]);

export const rulesSchema = z.strictObject({
  'image-alt': severitySchema.optional(),
  'link-broken': severitySchema.optional(),
  'reading-level': withSeverity({
    /** Highest Flesch-Kincaid grade allowed for a document. Default 8. */
    grade: z.number().min(1).max(20).optional(),
    /** A sentence is pointed out above this grade. Default: the document grade + 2. */
    sentence_grade: z.number().min(1).max(30).optional(),
    /** How many of the hardest sentences to point out. Default 5. */
    sentences: z.number().int().min(0).max(50).optional(),
  }).optional(),
  'review-due': withSeverity({
    /** Warn this many days before `review_due`. Default 30. */
    warn_days: z.number().int().min(0).max(365).optional(),
  }).optional(),
  disclaimer: severitySchema.optional(),
  sources: severitySchema.optional(),
  'slide-overflow': severitySchema.optional(),
});

export type RulesConfig = z.infer<typeof rulesSchema>;

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
