import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { LanguageProblem } from '../core/lang.js';
import { toPosix } from '../core/paths.js';
import { BUILT_IN_TEMPLATES } from '../core/version.js';
import { validateYaml } from '../core/yaml.js';
import { stringsSchema, type Strings } from './brand.js';

/**
 * Reads `templates/i18n/<lang>.yaml`, the project's files and the built-in ones for the languages
 * it has none for. English is the reference and must be complete (a broken
 * one stops the build); another language whose file lacks a key or has a wrong one is kept
 * aside with its located problems, so only documents in that language fail.
 */
export function loadStrings(dir: string, root: string): { strings: Record<string, Strings>; languageProblems: Record<string, LanguageProblem[]> } {
  const strings: Record<string, Strings> = {};
  const languageProblems: Record<string, LanguageProblem[]> = {};
  // The project's languages first; a language it has no file for comes from the built-in templates.
  const files = new Map<string, string>();
  for (const folder of [path.join(dir, 'i18n'), path.join(BUILT_IN_TEMPLATES, 'i18n')]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.yaml'))) if (!files.has(name)) files.set(name, folder);
  }
  for (const name of [...files.keys()].sort()) {
    const folder = files.get(name)!;
    const lang = name.slice(0, -'.yaml'.length);
    const shown = toPosix(path.relative(root, path.join(folder, name)));
    const validated = validateYaml(readFileSync(path.join(folder, name), 'utf8'), stringsSchema);
    if (validated.ok) strings[lang] = validated.value;
    else if (lang === 'en') {
      const lines = validated.issues.map((i) => `${shown}:${i.line}:${i.column} error ${i.message}  templates`);
      throw new UsageError(`Invalid template file \`${shown}\`:\n${lines.join('\n')}`);
    } else languageProblems[lang] = validated.issues.map((issue) => ({ file: shown, ...issue }));
  }
  if (!strings.en) throw new UsageError('Template text `templates/i18n/en.yaml` is missing');
  return { strings, languageProblems };
}
