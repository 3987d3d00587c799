import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { validateYaml } from '../core/yaml.js';
import { REGISTERED } from './registered.js';
import { userConfigSchema } from './schema.js';
import type { UserConfig } from './types.js';

/** Reads and validates `handouts.config.yaml`; problems name the file, line and column. */
export function readConfigFile(file: string, cwd: string, lookups = REGISTERED): UserConfig {
  const shown = path.relative(cwd, file) || file;
  const fail = (issues: { line: number; column: number; message: string }[]) => {
    const lines = issues.map((i) => `${shown}:${i.line}:${i.column} error ${i.message}  config`);
    return new UsageError(`Invalid config file \`${shown}\`:\n${lines.join('\n')}`, {
      hint: 'Every key is optional; see the README for the accepted keys.',
    });
  };
  const validated = validateYaml(readFileSync(file, 'utf8'), userConfigSchema(lookups));
  if (!validated.ok) throw fail(validated.issues);
  return validated.value;
}
