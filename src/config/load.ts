import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { environmentValues, resolveConfig } from './resolve.js';
import type { ResolvedConfig, UserConfig } from './types.js';

export const CONFIG_FILE = 'handouts.config.yaml';

/**
 * Finds and reads the config file (the named one, or `handouts.config.yaml` in `cwd` if present),
 * then applies precedence. A config problem is a usage error (exit 2) naming file, line and column.
 * The schema (zod) is loaded only when there is a file or an environment variable to check, so a
 * build with nothing to do starts fast.
 */
export async function loadConfig(
  options: {
    /** Values that win over the config file (the command line's flags). */
    flags?: UserConfig;
    /** A config file to read instead of `handouts.config.yaml` in `cwd`. */
    configPath?: string;
    /** The project folder. Default: the process's working folder. */
    cwd?: string;
    /** Default: the process's environment. */
    env?: Readonly<Record<string, string | undefined>>;
  } = {},
): Promise<ResolvedConfig> {
  const { flags = {}, cwd = process.cwd(), env = process.env } = options;
  const explicit = options.configPath ? path.resolve(cwd, options.configPath) : undefined;
  const file = explicit ?? path.join(cwd, CONFIG_FILE);
  if (explicit && !existsSync(explicit)) {
    throw new UsageError(`Config file \`${options.configPath}\` does not exist`, {
      hint: 'Check the path given to --config.',
    });
  }
  const hasFile = existsSync(file);
  const hasEnvironment = Object.keys(environmentValues(env)).length > 0;
  const config = hasFile ? (await import('./file.js')).readConfigFile(file, cwd) : undefined;
  const environment = hasEnvironment ? (await import('./environment.js')).readEnvironment(env) : undefined;
  return resolveConfig({
    flags,
    file: config ? { path: file, config } : undefined,
    environment,
    environmentNames: Object.fromEntries(Object.entries(environmentValues(env)).map(([key, { name }]) => [key, name])),
    sourceDateEpoch: env.SOURCE_DATE_EPOCH,
    cwd: cwd,
  });
}
