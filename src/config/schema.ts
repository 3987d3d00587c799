import { z } from 'zod';
import { rulesSchema } from '../rules/schema.js';
import { formatNames } from '../formats/registry.js';
import { isoDate } from '../core/dates.js';
import { languageTag } from '../core/lang.js';


import { paperSizes } from './types.js';
// Checked against the registry when validated, so a format registered later is accepted too.
const formatName = z.string().refine((name) => formatNames().includes(name), {
  error: (issue) => `unknown format \`${String(issue.input)}\`; use one of ${formatNames().join(', ')}`,
});

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
  /** Which outputs to build: a family (`handout`), a kind (`pdf`) or single formats (listed by `handouts build --help`). Default all. */
  formats: z.array(formatName).min(1).optional(),
  /** Path to a Chromium or Chrome executable. Default: found automatically. */
  browser: z.string().min(1).optional(),
  /** WebSocket URL of a running browser to render through instead of launching one. */
  browserEndpoint: z.string().url().optional(),
  /** Build only part of the documents, `I/N` (shard I of N), for a CI matrix; `handouts merge` joins the parts. Default: all. */
  shard: z.string().min(1).optional(),
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
  /** The online page of each document (`https://clinic.example/conditions/{slug}`), printed as a QR code. */
  qr_url: z
    .url({ protocol: /^https?$/ })
    .refine((url) => url.includes('{slug}'), 'must contain `{slug}`, which is replaced by each document\'s slug')
    .optional(),
  /** `true` for every format that can make a print-shop version, or a list of formats. Default false. */
  print_ready: z.union([z.boolean(), z.array(formatName).min(1)]).optional(),
  /** Bleed on every side of print-shop versions, in millimetres. Default 3. */
  bleed_mm: z.number().min(0).max(10).optional(),
  /** How much narrower the brochure's inside flap is, in millimetres. Default 2. */
  brochure_fold_mm: z.number().min(0).max(10).optional(),
  /** `slides.pptx`: real PowerPoint objects people can edit (default), or a picture of each slide. */
  pptx: z.enum(['editable', 'pictures']).optional(),
});

export type UserConfig = z.infer<typeof userConfigSchema>;
