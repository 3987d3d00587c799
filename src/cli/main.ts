import { Command, CommanderError, Option } from 'commander';
import { ExitCode } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { runBuild } from './commands/build.js';
import type { DevFlags } from './commands/dev.js';
import type { DiffFlags } from './commands/diff.js';
import type { MergeFlags } from './commands/merge.js';
import type { NewFlags } from './commands/new.js';
import { commonOptions, port, type CommonFlags } from './flags.js';
import { processIo, type Io } from './io.js';

export type { Io };

/**
 * Runs the command line and returns the exit code; the bin sets it. Only here are errors turned
 * into exits. Each command's module is loaded when it runs, so `handouts build` with nothing to do
 * loads no server, watcher or merge code.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('handouts')
    .description("Turns a clinic's Markdown into branded PDF handouts and Marp slide decks.")
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  commonOptions(program.command('build').argument('[source...]', 'documents or folders to build (default: all)'))
    .description('build handouts and slide decks from every document (or the named ones)')
    .option('--force', 'rebuild every output, even those the cache says are current')
    .option('--watch', 'build, then build again whenever a source, partial, image, template or the config changes (Ctrl-C stops)')
    .option('--shard <I/N>', 'build only shard I of N (a stable split of the documents, for CI; `handouts merge` joins the outputs)')
    .action(async (sources: string[], flags: CommonFlags & { watch?: boolean }) => {
      exitCode = flags.watch ? await (await import('./commands/watch.js')).runWatch(sources, flags, io) : await runBuild(sources, flags, io);
    });
  commonOptions(program.command('dev'))
    .description('preview server: the catalog and every output, rebuilt and reloaded on save, errors shown on the page')
    .addOption(new Option('--port <port>', 'port to listen on; the next free one when taken (default: 4400)').argParser(port))
    .option('--host <host>', 'address to listen on (default: 127.0.0.1, this machine only)')
    .action(async (flags: DevFlags) => {
      exitCode = await (await import('./commands/dev.js')).runDev(flags, io);
    });
  program
    .command('merge')
    .argument('<dir...>', 'output folders of `handouts build --shard I/N` runs')
    .description('merge the output folders of shard builds into one output folder, manifest and catalog')
    .option('--out <dir>', 'folder to write the merged output to (default: output)')
    .option('--config <file>', 'config file (default: handouts.config.yaml when present)')
    .option('--content <dir>', 'folder of Markdown sources, to name documents no shard holds (default: content)')
    .option('--today <date>', 'the date the catalog takes as today for review states, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the clock)')
    .option('--json', 'write one JSON report to stdout')
    .option('--quiet', 'print only errors')
    .action(async (dirs: string[], flags: MergeFlags) => {
      exitCode = await (await import('./commands/merge.js')).runMerge(dirs, flags, io);
    });
  program
    .command('diff')
    .argument('<base>', 'an output folder: the last published build, say')
    .argument('<head>', 'another output folder: the build to review')
    .description('show what changed on the printed pages between two builds: exit 0 when nothing visible changed, 1 when something did')
    .option('--report <dir>', 'write an HTML report there (index.html, with the pictures before, after and the difference)')
    .option('--markdown <file>', 'add a short Markdown summary to this file (a CI job summary: $GITHUB_STEP_SUMMARY)')
    .option('--json', 'write the changed documents as JSON to stdout')
    .option('--quiet', 'print only errors')
    .action(async (base: string, head: string, flags: DiffFlags) => {
      exitCode = await (await import('./commands/diff.js')).runDiff(base, head, flags, io);
    });
  commonOptions(program.command('check').argument('[source...]', 'documents or folders to check (default: all)'))
    .description('validate content without rendering')
    .action(async (sources: string[], flags: CommonFlags) => {
      exitCode = await (await import('./commands/check.js')).runCheck(sources, flags, io);
    });
  program
    .command('init')
    .description('write the built-in brand and templates into templates/ to customise (never overwrites)')
    .option('--dir <dir>', 'folder to write them to (default: templates)')
    .option('--quiet', 'print only errors')
    .action(async (flags: { dir?: string; quiet?: boolean }) => {
      exitCode = await (await import('./commands/init.js')).runInit(flags, io);
    });
  program
    .command('new')
    .argument('<slug>', "the new document's file name without .md: lowercase letters, digits and hyphens")
    .description('start a new document, content/<slug>.md, with every gap marked TODO (never overwrites)')
    .option('--content <dir>', 'folder of Markdown sources (default: content)')
    .option('--config <file>', 'config file (default: handouts.config.yaml when present)')
    .option('--today <date>', 'the date written as `reviewed`, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the clock)')
    .option('--quiet', 'print only errors')
    .action(async (slug: string, flags: NewFlags) => {
      exitCode = await (await import('./commands/new.js')).runNew(slug, flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    throw error;
  }
}
