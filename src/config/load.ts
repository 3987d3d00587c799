import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { knownKeys } from '../schema/known-keys.js';
import { locateSchemaIssues, parseYaml } from '../schema/yaml-issues.js';
import { resolveConfig } from './resolve.js';
import { userConfigSchema, type ResolvedConfig, type UserConfig } from './schema.js';

export const CONFIG_FILE = 'handouts.config.yaml';

/**
 * Finds and reads the config file (the named one, or `handouts.config.yaml` in `cwd` if present),
 * then applies precedence. A config problem is a usage error (exit 2) naming file, line and column.
 */
export function loadConfig(options: {
  flags: UserConfig;
  configPath?: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}): ResolvedConfig {
  const explicit = options.configPath ? path.resolve(options.cwd, options.configPath) : undefined;
  const file = explicit ?? path.join(options.cwd, CONFIG_FILE);
  if (explicit && !existsSync(explicit)) {
    throw new UsageError(`Config file \`${options.configPath}\` does not exist`, {
      hint: 'Check the path given to --config.',
    });
  }
  const config = existsSync(file) ? readConfigFile(file, options.cwd) : undefined;
  return resolveConfig({
    flags: options.flags,
    file: config ? { path: file, config } : undefined,
    env: options.env,
    cwd: options.cwd,
  });
}

function readConfigFile(file: string, cwd: string): UserConfig {
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
