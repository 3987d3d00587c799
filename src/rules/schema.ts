import { z } from 'zod';
import { SEVERITIES, type RuleInfo } from './rule.js';

/** How a configurable rule reports: not at all, as a warning, or as an error that fails the document. */
export const severitySchema = z.enum(SEVERITIES);

/**
 * `rules:` in the config, made from the registered rules: each configurable rule takes a
 * severity, or (when it has options) an object of its options with an optional `severity`.
 */
export function rulesSchema(rules: readonly RuleInfo[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const rule of rules) {
    if (!rule.configurable) continue;
    const options = rule.options?.(z);
    shape[rule.id] = (options ? z.union([severitySchema, z.strictObject({ severity: severitySchema.optional(), ...options })]) : severitySchema).optional();
  }
  return z.strictObject(shape);
}

/** What `rules:` holds once validated. */
export type RulesConfig = Readonly<Record<string, z.infer<typeof severitySchema> | Readonly<Record<string, unknown>>>>;
