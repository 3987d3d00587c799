import path from 'node:path';
import { loadConfig } from '../../config/load.js';
import { ExitCode } from '../../core/errors.js';
import { merge } from '../../pipeline/merge.js';
import { guarded, type Io } from '../io.js';
import { createOutput } from '../output.js';

export interface MergeFlags {
  out?: string;
  config?: string;
  content?: string;
  today?: string;
  json?: boolean;
  quiet?: boolean;
}

/**
 * `handouts merge DIR...`: the output folders of `build --shard I/N` runs made into one output
 * folder, as one full build would have written it. Exit 1 when a merged document had failed.
 */
export async function runMerge(dirs: string[], flags: MergeFlags, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const config = await loadConfig({
      flags: { content: flags.content, out: flags.out, today: flags.today },
      configPath: flags.config,
      cwd: io.cwd,
      env: io.env,
    });
    const report = await merge({ config, dirs, cwd: io.cwd });
    for (const source of report.missing) out.info(`warning: ${source} is in none of the shards, so not in the merged output`);
    const { documents, failed, files, ms } = report.summary;
    const where = path.relative(io.cwd, config.out) || '.';
    out.info(
      `Merged ${dirs.length} shard${dirs.length === 1 ? '' : 's'} into ${where}: ${documents} document${documents === 1 ? '' : 's'}, ${files} file${files === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''} in ${(ms / 1000).toFixed(1)} s`,
    );
    if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return failed ? ExitCode.documentsFailed : ExitCode.ok;
  });
}
