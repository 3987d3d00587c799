import { allFormats, formatNames } from '../formats/registry.js';
import { allRules } from '../rules/registry.js';
import type { FormatOption } from './option.js';
import type { ConfigLookups } from './schema.js';

/** The config's lookups answered by the format and rule registries as they are when asked. */
export const REGISTERED: ConfigLookups = {
  formatNames,
  rules: allRules,
  formatOptions: () => {
    const seen = new Map<string, FormatOption>();
    for (const option of allFormats().flatMap((format) => format.options ?? [])) seen.set(option.key, seen.get(option.key) ?? option);
    return [...seen.values()];
  },
};
