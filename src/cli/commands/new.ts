import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/load.js';
import { isoDate } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { toPosix } from '../../core/paths.js';
import { discoverDocuments } from '../../discover/documents.js';
import { guarded, type Io } from '../io.js';
import { createOutput } from '../output.js';
import { scaffold, slugProblem, type PartialFile } from '../scaffold.js';

export interface NewFlags {
  content?: string;
  config?: string;
  today?: string;
  quiet?: boolean;
}

/**
 * `handouts new SLUG`: writes `<content>/<slug>.md`, a draft with valid front matter, the shared
 * partials and a section skeleton, every gap a `TODO` the `placeholder` rule reports. Never overwrites.
 */
export async function runNew(slug: string, flags: NewFlags, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const problem = slugProblem(slug);
    if (problem)
      throw new UsageError(problem, { hint: "The slug becomes the file name (<slug>.md, without the .md written) and the folder of the document's outputs." });
    const config = await loadConfig({ flags: { content: flags.content, today: flags.today }, configPath: flags.config, cwd: io.cwd, env: io.env });
    if (!isoDate.safeParse(config.today).success) {
      throw new UsageError(`Today's date \`${config.today}\` is not a real date written YYYY-MM-DD`, {
        hint: 'Check --today, `today` in the config or HANDOUTS_TODAY.',
      });
    }
    const target = path.join(config.content, `${slug}.md`);
    const shown = toPosix(path.relative(io.cwd, target)) || target;
    if (existsSync(target)) {
      throw new UsageError(`\`${shown}\` already exists; new never overwrites a document`, { hint: 'Choose another slug, or edit the existing file.' });
    }
    const namesake = existsSync(config.content) ? discoverDocuments(config.content, config.root).find((doc) => doc.slug === slug) : undefined;
    if (namesake) {
      throw new UsageError(`A document named \`${slug}\` already exists at \`${namesake.source}\`; its outputs would collide`, {
        hint: 'Choose another slug.',
      });
    }
    const text = scaffold({ slug, today: config.today, lang: config.lang, partials: sharedPartials(config.content) });
    mkdirSync(config.content, { recursive: true });
    try {
      writeFileSync(target, text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`\`${shown}\` already exists; new never overwrites a document`);
      throw error;
    }
    out.info(`Created ${shown}`);
    out.info(`Next: replace every TODO placeholder, then run \`handouts check ${shown}\``);
    return 0;
  });
}

/** The `.md` files in `<content>/_partials/`, sorted, as the new document includes them. */
function sharedPartials(content: string): PartialFile[] {
  const dir = path.join(content, '_partials');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ src: `_partials/${name}`, text: readFileSync(path.join(dir, name), 'utf8') }));
}
