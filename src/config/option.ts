import type { z } from 'zod';

/**
 * A config key one format declares (`brochure_fold_mm`, `qr_url`, `pptx`): validated in the
 * config file and environment like any key, resolved with the same precedence, and read by the
 * format through `optionOf`. Its schema is made when a config is validated, so zod is loaded only then.
 */
export interface FormatOption<T = unknown> {
  /** The key in `handouts.config.yaml`. */
  key: string;
  /** One line for people. */
  description: string;
  /** Its value when nothing sets it; none: unset. */
  default?: T;
  /** Environment variables that can set it, the first one set winning. */
  environment?: readonly string[];
  schema(zod: typeof z): z.ZodType<T>;
}

/** A format option's value in a resolved config. */
export function optionOf<T>(config: { options: Readonly<Record<string, unknown>> }, option: FormatOption<T>): T {
  return (config.options[option.key] ?? option.default) as T;
}
