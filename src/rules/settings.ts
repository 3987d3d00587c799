import type { RulesConfig } from './schema.js';
import { allRules } from './registry.js';
import type { ResolvedRules, RuleInfo, Severity } from './rule.js';

export { optionsOf, SEVERITIES, type ResolvedRules, type Severity } from './rule.js';

/**
 * Pure: the config's `rules:` (already validated against `rules`) with every default filled in:
 * a severity for each rule the config names, and each rule's options over its defaults.
 */
export function resolveRules(config: RulesConfig = {}, rules: readonly RuleInfo[] = allRules()): ResolvedRules {
  const severity: Record<string, Severity> = {};
  const options: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const rule of rules) {
    const value = config[rule.id];
    const { severity: chosen, ...given } = typeof value === 'object' ? (value as { severity?: Severity }) : { severity: value };
    if (chosen) severity[rule.id] = chosen;
    if (rule.defaults || Object.keys(given).length) options[rule.id] = { ...rule.defaults, ...given };
  }
  return { severity, options };
}
