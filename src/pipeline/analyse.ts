import type { VFile } from 'vfile';
import { hasErrors } from '../core/diagnostics.js';
import { baseLanguage } from '../core/lang.js';
import type { DocumentRef } from '../core/document-ref.js';
import type { PreparedDocument } from '../transform/prepared.js';
import type { PlainLanguage, Readability } from '../core/readability.js';
import type { RuleContext } from '../rules/rule.js';
import { runSourceRules } from '../rules/run.js';
import { stringsFor } from '../templates/strings.js';
import { prepareDocument } from '../transform/prepare.js';
import type { Tools } from './tools.js';

export interface Analysed {
  file: VFile;
  document?: PreparedDocument;
  readability?: Readability;
  /** The plain-language rules' counts, and whether the document tells the reader what to do. */
  plainLanguage?: PlainLanguage;
  /** The document's language, also when it failed (for its report entry and output folder). */
  lang?: string;
  /** True when an error means the document must not be rendered. */
  failed: boolean;
}

/** Parse, transform and the source rules: what `check` runs, and what `build` runs before rendering. */
export function analyseDocument(ref: DocumentRef, text: string, tools: Tools): Analysed {
  const { config, templates } = tools;
  const { file, document, lang } = prepareDocument(ref, text, {
    resolveInclude: tools.resolveInclude,
    resolveAsset: tools.resolveAsset,
    translationSource: tools.translationSource,
    defaultLang: config.lang,
    languages: Object.keys(templates.strings),
    languageProblems: templates.languageProblems,
    slideClasses: templates.slideClasses,
    slideLayouts: templates.slideLayouts,
  });
  if (!document) return { file, lang, failed: true };
  const { readability, plainLanguage } = runSourceRules(document, ruleContext(document, tools));
  return { file, document, lang, readability, plainLanguage, failed: hasErrors(file) };
}

/** What the rules read besides the document, for source and page rules alike. */
export function ruleContext(document: PreparedDocument, tools: Tools): RuleContext & { strict: boolean } {
  const { config } = tools;
  return {
    rules: config.rules,
    strict: config.strict,
    today: config.today,
    linkTarget: tools.linkTarget,
    strings: stringsFor(tools.templates, document.lang).strings,
    templatesDir: tools.templatesDir,
    plainWords: tools.templates.plainWordsFor(document.lang) ?? tools.templates.plainWordsFor(baseLanguage(document.lang)),
  };
}
