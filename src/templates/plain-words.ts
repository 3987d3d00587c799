import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { toPosix } from '../core/paths.js';
import { BUILT_IN_TEMPLATES } from '../core/version.js';
import { validateYaml } from '../core/yaml.js';
import { rememberedValue } from './parsed-note.js';

const phrases = z.array(z.string().min(1)).default([]);

export const plainWordsSchema = z.strictObject({
  lang: z.string().min(2),
  /** How a term is explained where it is used: words after it, before it, or at the next sentence's start. */
  explained_by: z.strictObject({ after: phrases, before: phrases, next: phrases }).default({ after: [], before: [], next: [] }),
  /** Names in which the list's words are not flagged (`multiple sclerosis`). */
  keep: phrases,
  terms: z.array(
    z.strictObject({
      term: z.string().min(1),
      /** Everyday words to say instead. */
      say: z.array(z.string().min(1)).min(1),
      /** Forms the tool cannot make from the term (irregular plurals, verb forms). */
      forms: z.array(z.string().min(1)).optional(),
      /** Which list the term comes from (a key named in the file's header). */
      source: z.string().optional(),
    }),
  ),
});

export type PlainWordList = z.infer<typeof plainWordsSchema> & {
  /** The file it was read from, as messages show it. */
  file: string;
};

/**
 * Reads `templates/plain-words/<lang>.yaml`: medical and formal terms with everyday words to say
 * instead, per language. A language the project's folder has no list for (or a project with no
 * such folder at all) takes the built-in list, so a templates folder made before this rule keeps
 * building. A list that is not valid is a configuration error naming its file and line.
 */
export function loadPlainWords(dir: string, root: string): Record<string, PlainWordList> {
  const lists: Record<string, PlainWordList> = {};
  for (const lang of plainWordLanguages(dir)) lists[lang] = loadPlainWordList(dir, root, lang)!;
  return lists;
}

/** The languages with a word list, the project's or a built-in one. */
export function plainWordLanguages(dir: string): string[] {
  const found = new Set<string>();
  for (const folder of [path.join(dir, 'plain-words'), path.join(BUILT_IN_TEMPLATES, 'plain-words')]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) if (name.endsWith('.yaml')) found.add(name.slice(0, -'.yaml'.length));
  }
  return [...found].sort();
}

/**
 * One language's list, the project's or else the built-in one; undefined when there is none.
 * Read when a document in that language is first checked: the lists are long (validating both
 * built-in ones took 0.3 s), and a build that changed one English document needs only English.
 */
export function loadPlainWordList(dir: string, root: string, lang: string): PlainWordList | undefined {
  const file = [path.join(dir, 'plain-words', `${lang}.yaml`), path.join(BUILT_IN_TEMPLATES, 'plain-words', `${lang}.yaml`)].find((candidate) =>
    existsSync(candidate),
  );
  if (!file) return undefined;
  const shown = toPosix(path.relative(root, file));
  const text = readFileSync(file, 'utf8');
  const value = rememberedValue(text, () => {
    const validated = validateYaml(text, plainWordsSchema);
    if (validated.ok) return validated.value;
    const lines = validated.issues.map((i) => `${shown}:${i.line}:${i.column} error ${i.message}  templates`);
    throw new UsageError(`Invalid word list \`${shown}\`:\n${lines.join('\n')}`);
  });
  return { ...value!, file: shown };
}
