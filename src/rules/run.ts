import type { PreparedDocument } from '../transform/document.js';
import type { PageFindings, OutputFormat } from '../formats/format.js';
import type { NotMeasured, Readability } from './reading-level.js';
import { pageRule, sourceRules } from './registry.js';
import type { RuleContext } from './rule.js';
import type { ResolvedRules } from './settings.js';
import { applySeverity } from './severity.js';

/**
 * The source rules of one prepared document, run as one stage after transform. Pure: lookups
 * come in through `context`. Messages land on the document's VFile with the configured
 * severities; returns the reading figures.
 */
export function runSourceRules(doc: PreparedDocument, context: RuleContext & { strict: boolean }): Readability | NotMeasured | undefined {
  let readability: Readability | NotMeasured | undefined;
  for (const rule of sourceRules()) readability = rule.check(doc, context)?.readability ?? readability;
  applySeverity(doc.file, context.rules, context.strict);
  return readability;
}

/** The page rules a format lists, on what it rendered. */
export function runPageRules(
  doc: PreparedDocument,
  format: OutputFormat,
  findings: Partial<PageFindings>,
  context: RuleContext & { strict: boolean },
): void {
  const page = { format, findings: { text: '', blocked: [], overflow: [], ...findings } };
  for (const id of format.pageRules) pageRule(id).check(doc, page, context);
  applySeverity(doc.file, context.rules as ResolvedRules, context.strict);
}
