import { Command, CommanderError } from 'commander';
import { ExitCode } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { runBuild } from './commands/build.js';
import { runCheck } from './commands/check.js';
import { runInit } from './commands/init.js';
import { commonOptions, type CommonFlags } from './flags.js';
import { processIo, type Io } from './io.js';

export type { Io };

/** Runs the command line and returns the exit code; the bin sets it. Only here are errors turned into exits. */
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
    .action(async (sources: string[], flags: CommonFlags) => {
      exitCode = await runBuild(sources, flags, io);
    });
  commonOptions(program.command('check').argument('[source...]', 'documents or folders to check (default: all)'))
    .description('validate content without rendering')
    .action(async (sources: string[], flags: CommonFlags) => {
      exitCode = await runCheck(sources, flags, io);
    });
  program
    .command('init')
    .description('write the built-in brand and templates into templates/ to customise (never overwrites)')
    .option('--dir <dir>', 'folder to write them to (default: templates)')
    .option('--quiet', 'print only errors')
    .action(async (flags: { dir?: string; quiet?: boolean }) => {
      exitCode = await runInit(flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0
        ? ExitCode.ok
        : ExitCode.usage;
    }
    throw error;
  }
}
