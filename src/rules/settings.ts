import type { ResolvedRules, Severity } from './rule.js';
import type { RulesConfig } from './schema.js';

export { optionsOf, type ResolvedRules, SEVERITIES, type Severity } from './rule.js';

/**
 * Pure: the config's `rules:` (already validated against the registered rules): the severity of
 * each rule it names, and the options it gives each. A rule's defaults are filled in where the
 * rule reads its options (`optionsOf`), so resolving a config loads no rule.
 */
export function resolveRules(config: RulesConfig = {}): ResolvedRules {
  const severity: Record<string, Severity> = {};
  const options: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const [id, value] of Object.entries(config)) {
    const { severity: chosen, ...given } = typeof value === 'object' ? (value as { severity?: Severity }) : { severity: value };
    if (chosen) severity[id] = chosen;
    if (Object.keys(given).length) options[id] = given;
  }
  return { severity, options };
}
