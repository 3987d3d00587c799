import { z } from 'zod';
import { rulesSchema, type RulesConfig } from '../rules/schema.js';
import type { RuleInfo } from '../rules/rule.js';
import { isoDate } from '../core/dates.js';
import { languageTag } from '../core/lang.js';
import type { FormatOption } from './option.js';

export const paperSizes = ['A4', 'Letter'] as const;

/**
 * What the config is checked against besides its own keys, passed in so config knows no
 * registry: the format names `formats:` accepts, the rules `rules:` accepts, the options formats
 * declare. `registered.ts` answers them from the registries at the time a config is loaded.
 */
export interface ConfigLookups {
  formatNames(): readonly string[];
  rules(): readonly RuleInfo[];
  formatOptions(): readonly FormatOption[];
}

const coreShape = (formatName: z.ZodType<string>, rules: ReturnType<typeof rulesSchema>) => ({
  /** Folder of Markdown sources. Default `content`. */
  content: z.string().min(1).optional(),
  /** Folder the outputs are written to. Default `output`. */
  out: z.string().min(1).optional(),
  /** Folder with the brand, templates and slide theme; any file missing from it is the built-in one. Default `templates`. */
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
  browser_endpoint: z.string().url().optional(),
  /** The older spelling of `browser_endpoint`, still accepted. */
  browserEndpoint: z.string().url().optional(),
  /** Build only part of the documents, `I/N` (shard I of N), for a CI matrix; `handouts merge` joins the parts. Default: all. */
  shard: z.string().min(1).optional(),
  /** How many documents render at once. Default: the number of cores, at most 4. */
  concurrency: z.number().int().min(1).max(64).optional(),
  /** Seconds one document's page may take to render before it fails alone. Default 60. */
  timeout: z.number().positive().max(3600).optional(),
  /** Treat every warning as an error. Default false. */
  strict: z.boolean().optional(),
  /** Content rules: `off`, `warn` or `error`, and their options; one key per configurable rule. */
  rules: rules.optional() as z.ZodOptional<z.ZodType<RulesConfig>>,
  /** The date content rules take as today (`YYYY-MM-DD`); default SOURCE_DATE_EPOCH, else the clock. */
  today: isoDate.optional(),
  /** `true` for every format that can make a print-shop version, or a list of formats. Default false. */
  print_ready: z.union([z.boolean(), z.array(formatName).min(1)]).optional(),
  /** Bleed on every side of print-shop versions, in millimetres. Default 3. */
  bleed_mm: z.number().min(0).max(10).optional(),
});

/** The keys every project has; format options (`qr_url`, `pptx`) come beside them. */
export type CoreConfig = { -readonly [K in keyof ReturnType<typeof coreShape>]?: z.infer<ReturnType<typeof coreShape>[K]> };

/**
 * `handouts.config.yaml`: the core keys and the options of the registered formats. Every key is
 * optional; unknown keys are an error. Relative paths resolve from the folder that holds the file.
 */
export function userConfigSchema(lookups: ConfigLookups) {
  const formatName = z.string().refine((name) => lookups.formatNames().includes(name), {
    error: (issue) => `unknown format \`${String(issue.input)}\`; use one of ${lookups.formatNames().join(', ')}`,
  });
  const options = Object.fromEntries(lookups.formatOptions().map((option) => [option.key, option.schema(z).optional()]));
  return z.strictObject({ ...coreShape(formatName, rulesSchema(lookups.rules())), ...options });
}
