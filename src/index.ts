/**
 * The programmatic API: the same work as the command line, which uses it itself.
 *
 *   import { build, check, loadConfig } from 'handouts';
 *   const config = await loadConfig({ cwd: '/path/to/project' });
 *   const report = await build({ config });
 */
export { build, type BuildOptions } from './pipeline/build.js';
export { check, type CheckOptions } from './pipeline/check.js';
export { merge, type MergeOptions, type MergeReport } from './pipeline/merge.js';
export { Session, type SessionOptions, type SessionPart } from './pipeline/session.js';
export { loadConfig, CONFIG_FILE } from './config/load.js';
export { defineConfig } from './config/define.js';
export type { ResolvedConfig, UserConfig } from './config/types.js';
export { allFormats, formatById } from './formats/registry.js';
export { registerFormat } from './formats/register.js';
export type { OutputFormat, Produced, PageFindings } from './formats/format.js';
export type { RenderContext } from './formats/context.js';
export { allRules, registerRule } from './rules/registry.js';
export type { Rule, SourceRule, PageRule, RuleContext, RuleTools, Reporter } from './rules/rule.js';
export { optionOf, type FormatOption } from './config/option.js';
export { HandoutsError, UsageError, EnvironmentError, ExitCode } from './core/errors.js';
export { VERSION } from './core/version.js';
export type { BuildReport, DocumentReport, Diagnostic, OutputEntry, Summary } from './report/types.js';
export { formatDiagnostic } from './report/diagnostics.js';
