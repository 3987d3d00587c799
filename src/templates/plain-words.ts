import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { toPosix } from '../core/paths.js';
import { BUILT_IN_TEMPLATES } from '../core/version.js';
import { validateYaml } from '../core/yaml.js';

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
  for (const folder of [path.join(dir, 'plain-words'), path.join(BUILT_IN_TEMPLATES, 'plain-words')]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)
      .filter((file) => file.endsWith('.yaml'))
      .sort()) {
      const lang = name.slice(0, -'.yaml'.length);
      if (lists[lang]) continue;
      const file = path.join(folder, name);
      const shown = toPosix(path.relative(root, file));
      const validated = validateYaml(readFileSync(file, 'utf8'), plainWordsSchema);
      if (!validated.ok) {
        const lines = validated.issues.map((i) => `${shown}:${i.line}:${i.column} error ${i.message}  templates`);
        throw new UsageError(`Invalid word list \`${shown}\`:\n${lines.join('\n')}`);
      }
      lists[lang] = { ...validated.value, file: shown };
    }
  }
  return lists;
}
