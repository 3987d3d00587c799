import { UsageError } from '../core/errors.js';
import { REGISTERED } from './registered.js';
import { environmentValues } from './resolve.js';
import { userConfigSchema } from './schema.js';
import type { UserConfig } from './types.js';

/** Reads the environment variables into a partial config, validated like the config file. */
export function readEnvironment(env: Readonly<Record<string, string | undefined>>, lookups = REGISTERED): UserConfig {
  const found = environmentValues(env, lookups.formatOptions);
  const raw: Record<string, unknown> = {};
  for (const [key, { value }] of Object.entries(found)) {
    raw[key] = key === 'formats' ? value.split(',').map((s) => s.trim()) : key === 'concurrency' || key === 'timeout' ? Number(value) : value;
  }
  const parsed = userConfigSchema(lookups).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = found[String(issue?.path[0])]?.name ?? String(issue?.path[0]);
    throw new UsageError(`Environment variable \`${name}\` is invalid: ${issue?.message}`);
  }
  return parsed.data;
}
