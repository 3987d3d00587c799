import { formatNames, formatOptions } from '../formats/registry.js';
import { allRules } from '../rules/registry.js';
import type { ConfigLookups } from './schema.js';

/**
 * The config's lookups answered by the format and rule registries as they are when asked. Only
 * validating a config file or environment variables reads it: loading every rule is not needed
 * to resolve a config, and a build with nothing to do does not pay for it.
 */
export const REGISTERED: ConfigLookups = { formatNames, rules: allRules, formatOptions };
