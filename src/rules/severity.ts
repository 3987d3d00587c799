import type { VFile } from 'vfile';
import { CONFIGURABLE_RULES, type ConfigurableRule, type ResolvedRules } from './settings.js';

/**
 * Applies the configured severities to a document's messages: `off` drops a rule's messages,
 * `warn` and `error` set them, and `strict` turns every remaining warning into an error.
 * Run after each stage that adds messages; it is idempotent.
 */
export function applySeverity(file: VFile, rules: ResolvedRules, strict: boolean): void {
  file.messages = file.messages.filter((message) => {
    const rule = message.ruleId as ConfigurableRule | undefined;
    const configured = rule && (CONFIGURABLE_RULES as readonly string[]).includes(rule) ? rules.severity[rule] : undefined;
    if (configured === 'off') return false;
    if (configured) message.fatal = configured === 'error';
    if (strict && !message.fatal) message.fatal = true;
    return true;
  });
}
