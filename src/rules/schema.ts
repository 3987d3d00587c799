import { z } from 'zod';

import { CONFIGURABLE_RULES, SEVERITIES } from './settings.js';

/** How a configurable rule reports: not at all, as a warning, or as an error that fails the document. */
export const severitySchema = z.enum(SEVERITIES);

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
    /** Lowest reading ease (INFLESZ, 0-100) for Spanish. Default 65 (bastante fácil). */
    ease: z.number().min(0).max(100).optional(),
    /** A Spanish sentence is pointed out below this ease. Default 40. */
    sentence_ease: z.number().min(0).max(100).optional(),
  }).optional(),
  'plain-words': withSeverity({
    /** More terms, per language: `en: [{ term: neuropathy, say: [nerve damage] }]`. */
    add: z.record(z.string(), z.array(z.strictObject({ term: z.string().min(1), say: z.array(z.string().min(1)).min(1) }))).optional(),
    /** Terms of the built-in lists not to flag, per language: `en: [chronic]`. */
    remove: z.record(z.string(), z.array(z.string().min(1))).optional(),
    /** Names in which no term is flagged, per language: `en: [acute flaccid myelitis]`. */
    keep: z.record(z.string(), z.array(z.string().min(1))).optional(),
  }).optional(),
  'passive-voice': severitySchema.optional(),
  'long-sentence': withSeverity({
    /** A sentence is pointed out above this many words. Default 20. */
    words: z.number().int().min(5).max(100).optional(),
  }).optional(),
  actionable: withSeverity({
    /** Headings of a section telling the reader what to do, per language: `en: [What you can do]`. */
    headings: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
  }).optional(),
  'review-due': withSeverity({
    /** Warn this many days before `review_due`. Default 30. */
    warn_days: z.number().int().min(0).max(365).optional(),
  }).optional(),
  disclaimer: severitySchema.optional(),
  sources: severitySchema.optional(),
  'slide-overflow': severitySchema.optional(),
  'html-removed': severitySchema.optional(),
  placeholder: severitySchema.optional(),
  'translation-stale': severitySchema.optional(),
});

export type RulesConfig = z.infer<typeof rulesSchema>;

// Every configurable rule has a schema entry.
const _covered: Record<(typeof CONFIGURABLE_RULES)[number], unknown> = rulesSchema.shape;
void _covered;

