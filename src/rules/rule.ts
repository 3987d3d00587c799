import type { z } from 'zod';
import type { PreparedDocument } from '../transform/prepared.js';
import type { PageFindings } from '../core/findings.js';
import type { Place } from '../core/diagnostics.js';
import type { Strings } from '../templates/brand.js';
import type { PlainWordList } from '../templates/plain-words.js';
import type { Readability } from '../core/readability.js';
import type { Node } from 'unist';
import type { LinkTarget } from '../core/lookups.js';

export type { LinkTarget };

/** Severities a configurable rule can be given in `rules:` of the config. */
export const SEVERITIES = ['off', 'warn', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rule settings with every default filled in, for every registered rule. */
export interface ResolvedRules {
  /** A severity set by the user, by rule id; absent means the rule's own default. */
  severity: Readonly<Record<string, Severity>>;
  /** The options the config gives each rule (`grade`, `words`...), by rule id; `optionsOf` adds the rule's defaults. */
  options: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** What every rule may read besides the document. Pure values and injected lookups only. */
export interface RuleContext {
  rules: ResolvedRules;
  /** `YYYY-MM-DD`. */
  today: string;
  linkTarget: LinkTarget;
  /** Template text in the document's language (the disclaimer, for one). */
  strings: Strings;
  /** The templates folder, project-relative, for messages that point into a template. */
  templatesDir: string;
  /** The word list of the document's language, if there is one (`plain-words`). */
  plainWords?: PlainWordList;
}

/** Where a message points: a place in the document, or in the partial `in` names. */
export interface Where {
  place?: Place | Node['position'];
  /** The project-relative file the problem is in, when it is not the document itself (a partial, a template). */
  in?: string;
}

/**
 * Reports for one rule on one document: bound to the rule's id and its default severity, so a
 * rule never picks its severity by which function it calls. `warning` is for the milder message
 * a rule documents beside its main one (`review-due` before the date has passed).
 */
export interface Reporter {
  (reason: string, where?: Where): void;
  warning(reason: string, where?: Where): void;
}

/** What a rule is handed besides the document: its reporter and its options. */
export interface RuleTools<O> {
  report: Reporter;
  options: O;
}

/** What a source rule found beyond its messages, for the report. */
export interface RuleFacts {
  readability?: Readability;
  /** Whether the document has a section telling the reader what to do (`actionable`). */
  actions?: boolean;
}

/** A page as a format rendered it, handed to the page rules that format lists. */
export interface RenderedPage {
  format: { id: string; label: string; template?: string };
  findings: PageFindings;
}

export interface RuleInfo<O extends object = object> {
  id: string;
  /** What it reports as unless the config says otherwise. */
  severity: 'error' | 'warning';
  /** Whether `rules:` in the config may turn it off or change its severity. */
  configurable: boolean;
  /** One line for people: `handouts rules` and the README list it. */
  description: string;
  /** Its options' defaults; the config's `rules: { <id>: { ... } }` overrides them one by one. */
  defaults?: O;
  /**
   * The schema of its options in the config (besides `severity`), made when a config is
   * validated so zod is loaded only then. Every key optional: `defaults` fills the gaps.
   */
  options?(zod: typeof z): Record<keyof O & string, z.ZodType>;
}

/** Reported by the parse and transform stages as they go (front matter, includes, images...). */
export interface StructuralRule extends RuleInfo {
  stage: 'structure';
}

/** Runs on the prepared document, before anything is rendered; `check` runs it too. */
export interface SourceRule<O extends object = object> extends RuleInfo<O> {
  stage: 'source';
  // biome-ignore lint/suspicious/noConfusingVoidType: most rules add no facts and return nothing
  check(doc: PreparedDocument, context: RuleContext, tools: RuleTools<O>): RuleFacts | void;
}

/** Runs on what a format rendered, for each format whose `pageRules` name it. */
export interface PageRule<O extends object = object> extends RuleInfo<O> {
  stage: 'page';
  check(doc: PreparedDocument, page: RenderedPage, context: RuleContext, tools: RuleTools<O>): void;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds rules of every options type
export type Rule = StructuralRule | SourceRule<any> | PageRule<any>;

/** One rule's options: the config's over its defaults. */
export function optionsOf<O extends object>(rules: ResolvedRules, rule: RuleInfo<O>): O {
  return { ...rule.defaults, ...rules.options[rule.id] } as O;
}
