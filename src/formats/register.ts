import { pageRuleProblems } from '../rules/registry.js';
import type { OutputFormat } from './format.js';
import { addFormat } from './registry.js';

/**
 * Adds a format (for extensions, and tests that prove one module is all a format needs), refused
 * when its id is taken, its `pageRules` are not registered page rules, or another format declares
 * one of its options differently. Returns a function that removes it again. Kept apart from the
 * registry, which every command reads, so that reading it loads no rule.
 */
export function registerFormat(format: OutputFormat): () => void {
  return addFormat(format, pageRuleProblems);
}
