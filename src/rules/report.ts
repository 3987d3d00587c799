import type { VFile } from 'vfile';
import { fail, warn } from '../core/diagnostics.js';
import type { Reporter, RuleInfo, Where } from './rule.js';

/** A reporter bound to one rule's id and default severity, writing onto one document's messages. */
export function reporterFor(rule: Pick<RuleInfo, 'id' | 'severity'>, file: VFile): Reporter {
  const options = (where: Where = {}) => ({ place: where.place ?? { line: 1, column: 1 }, in: where.in, ruleId: rule.id });
  const report = ((reason: string, where?: Where) => (rule.severity === 'error' ? fail : warn)(file, reason, options(where))) as Reporter;
  report.warning = (reason, where) => warn(file, reason, options(where));
  return report;
}
