import { z } from 'zod';
import { languageTag } from '../core/lang.js';
import { isoDate } from '../core/dates.js';

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
  /** Translated by a computer program, not a person: the handout says so. */
  machine_translated: z.boolean().optional(),
  /** `experimental` prints a notice box on the handout and the title slide. */
  status: z.enum(['current', 'experimental', 'draft']).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Source = z.infer<typeof sourceSchema>;
