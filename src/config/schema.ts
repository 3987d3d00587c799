import { z } from 'zod';
import { rulesSchema } from '../checks/rules.js';
import { FORMAT_GROUPS, FORMAT_IDS } from '../formats/ids.js';
import { isoDate } from '../schema/date.js';

/** A BCP 47 tag, checked by the platform's own parser rather than a hand-written pattern. */
export const languageTag = z.string().refine((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}, 'must be a BCP 47 language tag such as `en` or `es-MX`');

import { paperSizes } from './types.js';
const formatName = z.enum([...FORMAT_IDS, ...Object.keys(FORMAT_GROUPS)] as [string, ...string[]]);

/**
 * `handouts.config.yaml`. Every key is optional; unknown keys are an error.
 * Relative paths resolve from the folder that holds the config file.
 */
export const userConfigSchema = z.strictObject({
  /** Folder of Markdown sources. Default `content`. */
  content: z.string().min(1).optional(),
  /** Folder the outputs are written to. Default `output`. */
  out: z.string().min(1).optional(),
  /** Folder with the brand, handout template and slide theme. Default `templates`. */
  templates: z.string().min(1).optional(),
  /** Language of documents whose front matter names none. Default `en`. */
  lang: languageTag.optional(),
  /** Paper size of handouts. Default `A4`. */
  paper: z.enum(paperSizes).optional(),
  /** Which outputs to build: `handout`, `slides`, or single formats such as `handout-pdf`. Default all. */
  formats: z.array(formatName).min(1).optional(),
  /** Path to a Chromium or Chrome executable. Default: found automatically. */
  browser: z.string().min(1).optional(),
  /** WebSocket URL of a running browser to render through instead of launching one. */
  browserEndpoint: z.string().url().optional(),
  /** How many documents render at once. Default: the number of cores, at most 4. */
  concurrency: z.number().int().min(1).max(64).optional(),
  /** Seconds one document's page may take to render before it fails alone. Default 60. */
  timeout: z.number().positive().max(3600).optional(),
  /** Treat every warning as an error. Default false. */
  strict: z.boolean().optional(),
  /** Content rules: `off`, `warn` or `error`, and their thresholds. */
  rules: rulesSchema.optional(),
  /** The date content rules take as today (`YYYY-MM-DD`); default SOURCE_DATE_EPOCH, else the clock. */
  today: isoDate.optional(),
});

export type UserConfig = z.infer<typeof userConfigSchema>;
