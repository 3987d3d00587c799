import type { VFile } from 'vfile';
import type { ResolvedRules } from './rule.js';

/**
 * Applies the configured severities to a document's messages: `off` drops a rule's messages,
 * `warn` and `error` set them, and `strict` turns every remaining warning into an error.
 * Only configurable rules can be given a severity (the config schema takes no other).
 * Run after each stage that adds messages; it is idempotent.
 */
export function applySeverity(file: VFile, rules: ResolvedRules, strict: boolean): void {
  file.messages = file.messages.filter((message) => {
    const configured = message.ruleId ? rules.severity[message.ruleId] : undefined;
    if (configured === 'off') return false;
    if (configured) message.fatal = configured === 'error';
    if (strict && !message.fatal) message.fatal = true;
    return true;
  });
}
