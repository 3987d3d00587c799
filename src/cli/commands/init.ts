import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { BUILT_IN_TEMPLATES } from '../../core/version.js';
import { guarded, type Io } from '../io.js';
import { createOutput } from '../output.js';

/**
 * `handouts init`: writes the built-in brand and templates into `templates/` to customise.
 * Never overwrites: a templates folder that already has files is left as it is.
 */
export async function runInit(flags: { dir?: string; quiet?: boolean }, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const target = path.resolve(io.cwd, flags.dir ?? 'templates');
    if (existsSync(target) && readdirSync(target).length) {
      throw new UsageError(`\`${path.relative(io.cwd, target) || target}\` already exists and is not empty; init never overwrites templates`, {
        hint: 'Move it aside (or pass --dir to write somewhere else) and run `handouts init` again.',
      });
    }
    cpSync(BUILT_IN_TEMPLATES, target, { recursive: true, errorOnExist: true, force: false });
    const files = readdirSync(target, { recursive: true }).length;
    out.info(
      `Wrote the built-in templates to ${path.relative(io.cwd, target) || target} (${files} files and folders): brand.yaml, handout/, brochure/, slides/, i18n/, plain-words/, catalog.liquid.`,
    );
    return 0;
  });
}
