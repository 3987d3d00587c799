import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { knownKeys } from '../schema/known-keys.js';
import { locateSchemaIssues, parseYaml } from '../schema/yaml-issues.js';
import { userConfigSchema, type UserConfig } from './schema.js';

/** Reads and validates `handouts.config.yaml`; problems name the file, line and column. */
export function readConfigFile(file: string, cwd: string): UserConfig {
  const shown = path.relative(cwd, file) || file;
  const parsed = parseYaml(readFileSync(file, 'utf8'));
  const fail = (issues: { line: number; column: number; message: string }[]) => {
    const lines = issues.map((i) => `${shown}:${i.line}:${i.column} error ${i.message}  config`);
    return new UsageError(`Invalid config file \`${shown}\`:\n${lines.join('\n')}`, {
      hint: 'Every key is optional; see the README for the accepted keys.',
    });
  };
  if (parsed.syntax.length) throw fail(parsed.syntax);
  const result = userConfigSchema.safeParse(parsed.value ?? {});
  if (!result.success) {
    throw fail(locateSchemaIssues(parsed, result.error.issues, (at) => knownKeys(userConfigSchema, at)));
  }
  return result.data;
}
