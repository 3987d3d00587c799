import type { PreparedDocument } from '../transform/document.js';
import type { OutputFormat, PageFindings } from '../formats/format.js';
import type { Strings } from '../templates/brand.js';
import type { PlainWordList } from '../templates/plain-words.js';
import type { Readability } from '../core/readability.js';
import type { ResolvedRules } from './settings.js';

import type { LinkTarget } from '../core/lookups.js';

export type { LinkTarget };

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

/** What a source rule found beyond its messages, for the report. */
export interface RuleFacts {
  readability?: Readability;
  /** Whether the document has a section telling the reader what to do (`actionable`). */
  actions?: boolean;
}

/** A page as a format rendered it, handed to the page rules that format lists. */
export interface RenderedPage {
  format: OutputFormat;
  findings: PageFindings;
}

interface RuleInfo {
  id: string;
  /** What it reports as unless the config says otherwise. */
  severity: 'error' | 'warning';
  /** Whether `rules:` in the config may turn it off or change its severity. */
  configurable: boolean;
  /** One line for people. */
  description: string;
}

/** Reported by the parse and transform stages as they go (front matter, includes, images...). */
export interface StructuralRule extends RuleInfo {
  stage: 'structure';
}

/** Runs on the prepared document, before anything is rendered; `check` runs it too. */
export interface SourceRule extends RuleInfo {
  stage: 'source';
  check(doc: PreparedDocument, context: RuleContext): RuleFacts | void;
}

/** Runs on what a format rendered, for each format whose `pageRules` name it. */
export interface PageRule extends RuleInfo {
  stage: 'page';
  check(doc: PreparedDocument, page: RenderedPage, context: RuleContext): void;
}

export type Rule = StructuralRule | SourceRule | PageRule;
