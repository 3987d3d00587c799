import type { PreparedDocument } from '../transform/prepared.js';
import type { PageFindings } from '../core/findings.js';
import type { PlainLanguage, Readability } from '../core/readability.js';
import { pageRule, sourceRules } from './registry.js';
import { reporterFor } from './report.js';
import { optionsOf, type RenderedPage, type RuleContext, type RuleFacts, type SourceRule } from './rule.js';
import { applySeverity } from './severity.js';

/** The plain-language rules counted in a document's report. */
const COUNTED = ['plain-words', 'passive-voice', 'long-sentence', 'actionable'] as const;

/**
 * The source rules of one prepared document, run as one stage after transform. Pure: lookups
 * come in through `context`. Messages land on the document's VFile with the configured
 * severities; returns the reading figures and the plain-language counts.
 */
export function runSourceRules(doc: PreparedDocument, context: RuleContext & { strict: boolean }): { readability?: Readability; plainLanguage: PlainLanguage } {
  let readability: Readability | undefined;
  let actions: boolean | undefined;
  for (const rule of sourceRules()) {
    const facts = runSourceRule(rule, doc, context);
    readability = facts?.readability ?? readability;
    actions = facts?.actions ?? actions;
  }
  applySeverity(doc.file, context.rules, context.strict);
  // Counted after the severities: a rule turned off counts nothing.
  const counts = Object.fromEntries(COUNTED.map((id) => [id, doc.file.messages.filter((m) => m.ruleId === id).length])) as PlainLanguage['counts'];
  return { readability, plainLanguage: { counts, ...(actions !== undefined && context.rules.severity.actionable !== 'off' && { actions }) } };
}

/** One source rule on one document, with its reporter and its options; severities not applied yet. */
export function runSourceRule(rule: SourceRule, doc: PreparedDocument, context: RuleContext): RuleFacts | undefined {
  return rule.check(doc, context, { report: reporterFor(rule, doc.file), options: optionsOf(context.rules, rule) }) ?? undefined;
}

/** The page rules a format lists, on what it rendered. */
export function runPageRules(
  doc: PreparedDocument,
  format: RenderedPage['format'] & { pageRules: readonly string[] },
  findings: Partial<PageFindings>,
  context: RuleContext & { strict: boolean },
): void {
  const page = { format, findings: { text: '', blocked: [], overflow: [], ...findings } };
  for (const id of format.pageRules) {
    const rule = pageRule(id);
    rule.check(doc, page, context, { report: reporterFor(rule, doc.file), options: optionsOf(context.rules, rule) });
  }
  applySeverity(doc.file, context.rules, context.strict);
}
