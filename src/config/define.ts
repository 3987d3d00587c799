import type { UserConfig } from './types.js';

/** Types a config object written in code (a script calling the API); returns it unchanged. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
