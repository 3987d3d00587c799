import { z } from 'zod';
import { languageTag } from '../config/schema.js';

/** A calendar date written `YYYY-MM-DD`, checked to exist (no 2026-02-30). */
const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, 'is not a real calendar date');

export const sourceSchema = z.union([
  z.string().min(1),
  z.strictObject({
    title: z.string().min(1),
    publisher: z.string().min(1).optional(),
    year: z.union([z.number().int(), z.string()]).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
  }),
]);

/** The front matter of a document. Unknown fields are errors, so typos never pass silently. */
export const frontMatterSchema = z.strictObject({
  title: z.string().min(1),
  condition: z.string().min(1),
  summary: z.string().min(1).optional(),
  lang: languageTag.optional(),
  reviewed: isoDate,
  review_due: isoDate.optional(),
  authors: z.array(z.string().min(1)).optional(),
  keywords: z.array(z.string().min(1)).optional(),
  sources: z.array(sourceSchema).optional(),
  /** `experimental` prints a notice box on the handout and the title slide. */
  status: z.enum(['current', 'experimental', 'draft']).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Source = z.infer<typeof sourceSchema>;
