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

