import type { VFile } from 'vfile';
import type { DocumentRef } from '../core/document-ref.js';
import { fail, type Place } from '../core/diagnostics.js';
import { baseLanguage, type LanguageProblem } from '../core/lang.js';

/** A problem in a language's template text file, located in that file. */
export interface LanguageContext {
  /** Language of documents whose front matter and folder name none. */
  defaultLang: string;
  /** Languages whose template text is complete. */
  languages: readonly string[];
  /** Languages whose template text file exists but is not complete: documents in them fail. */
  languageProblems?: Readonly<Record<string, readonly LanguageProblem[]>>;
}

/**
 * Pure: the document's language: its front matter's `lang`, else the language folder it sits in
 * (`content/es/...`, when `es` has template text), else the default. Every word a template
 * prints comes from that language's template text; a language without it, or whose file lacks a
 * key, fails the document: a Spanish handout never gets English labels.
 */
export function documentLanguage(ref: DocumentRef, declared: string | undefined, place: Place | undefined, file: VFile, context: LanguageContext): string {
  const folder = ref.folder && context.languages.concat(Object.keys(context.languageProblems ?? {})).includes(ref.folder) ? ref.folder : undefined;
  const lang = declared ?? folder ?? context.defaultLang;
  const candidates = [lang, baseLanguage(lang)];
  const problems = candidates.map((tag) => context.languageProblems?.[tag]).find(Boolean);
  if (problems?.length) {
    for (const problem of problems) {
      fail(file, `Template text for \`${lang}\` is incomplete: ${problem.message}`, {
        place: { line: problem.line, column: problem.column },
        ruleId: 'lang-templates',
        in: problem.file,
      });
    }
  } else if (!candidates.some((tag) => context.languages.includes(tag))) {
    fail(file, `No template text for language \`${lang}\`: add \`templates/i18n/${baseLanguage(lang)}.yaml\` with every key of \`en.yaml\` translated`, {
      place: place ?? { line: 1, column: 1 },
      ruleId: 'lang-templates',
    });
  }
  return lang;
}
