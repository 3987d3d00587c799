import { Command, CommanderError, Option } from 'commander';
import { BrowserManager } from '../browser/manager.js';
import { loadConfig } from '../config/load.js';
import type { UserConfig } from '../config/types.js';
import { ExitCode, HandoutsError } from '../errors.js';
import { build } from '../pipeline.js';
import type { BuildReport } from '../report/types.js';
import { VERSION } from '../version.js';
import { createOutput, type Output } from './output.js';

interface CommonFlags {
  content?: string;
  out?: string;
  config?: string;
  format?: string;
  concurrency?: number;
  browser?: string;
  browserEndpoint?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  strict?: boolean;
  today?: string;
  force?: boolean;
  timeout?: number;
}

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const processIo = (): Io => ({ cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });

/** Runs the command line and returns the exit code; the bin sets it. Only here are errors turned into exits. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('handouts')
    .description("Turns a clinic's Markdown into branded PDF handouts and Marp slide decks.")
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  const common = (command: Command) =>
    command
      .option('--content <dir>', 'folder of Markdown sources (default: content)')
      .option('--out <dir>', 'folder to write outputs to (default: output)')
      .option('--config <file>', 'config file (default: handouts.config.yaml when present)')
      .option('--format <list>', 'outputs to build: handout, slides, pdf, html, handout-pdf, handout-html, slides-pdf, slides-html')
      .addOption(new Option('--concurrency <n>', 'documents rendered at once (default: cores, at most 4)').argParser(positiveInt))
      .addOption(new Option('--timeout <seconds>', 'time one document may take to render before it fails alone (default: 60)').argParser(positiveNumber))
      .option('--browser <path>', 'Chromium or Chrome executable (default: found automatically)')
      .option('--browser-endpoint <url>', 'render through a running browser (ws://...) instead of launching one')
      .option('--strict', 'treat warnings as errors: a document with a warning fails')
      .option('--today <date>', 'the date review rules take as today, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the clock)')
      .option('--json', 'write one JSON report to stdout')
      .option('--quiet', 'print only errors')
      .option('--verbose', 'say which browser is used and where the time went');

  common(program.command('build').argument('[source...]', 'documents or folders to build (default: all)'))
    .description('build handouts and slide decks from every document (or the named ones)')
    .option('--force', 'rebuild every output, even those the cache says are current')
    .action(async (sources: string[], flags: CommonFlags) => {
      exitCode = await runBuild(sources, flags, io);
    });
  common(program.command('check').argument('[source...]', 'documents or folders to check (default: all)'))
    .description('validate content without rendering')
    .action(async (sources: string[], flags: CommonFlags) => {
      exitCode = await runCheck(sources, flags, io);
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

async function runBuild(sources: string[], flags: CommonFlags, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const config = await loadConfig({ flags: toUserConfig(flags), configPath: flags.config, cwd: io.cwd, env: io.env });
    const browser = new BrowserManager({
      executablePath: config.browser,
      executableFrom: flags.browser ? '--browser' : 'configured browser',
      endpoint: config.browserEndpoint,
      maxPages: config.concurrency,
      log: out.verbose,
    });
    // Ctrl-C or a stop signal: close the browser and remove its profile before leaving.
    const stop = (signal: NodeJS.Signals) => {
      out.error(`Stopped by ${signal}; outputs already written are complete.`);
      void browser.dispose().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
    try {
      const report = await build({ config, sources, cwd: io.cwd, env: io.env, browser, force: flags.force, onPlan: out.plan, onDocument: out.document, log: out.verbose });
      out.done();
      return finish(report, flags, out, 'Built', io);
    } finally {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      await browser.dispose();
    }
  });
}

async function runCheck(sources: string[], flags: CommonFlags, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const config = await loadConfig({ flags: toUserConfig(flags), configPath: flags.config, cwd: io.cwd, env: io.env });
    const { check } = await import('../check.js');
    const report = check({ config, sources, cwd: io.cwd });
    out.plan(report.documents.length);
    for (const doc of report.documents) out.document(doc);
    out.done();
    return finish(report, flags, out, 'Checked', io);
  });
}

function finish(report: BuildReport, flags: CommonFlags, out: Output, verb: string, io: Io): number {
  const { built, skipped, failed, ms } = report.summary;
  const total = report.documents.length;
  if (report.timings) {
    const t = report.timings;
    out.verbose(`Time: ${ms} ms in all; browser start ${t.launchMs} ms, HTML ${t.htmlMs} ms, PDF ${t.pdfMs} ms (summed over documents)`);
  }
  const parts = verb === 'Built' ? [`built ${built}`, ...(skipped ? [`${skipped} up to date`] : [])] : [`checked ${skipped}`];
  if (failed) parts.push(`${failed} failed`);
  out.info(`${total} document${total === 1 ? '' : 's'}: ${parts.join(', ')} in ${(ms / 1000).toFixed(1)} s`);
  if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return failed ? ExitCode.documentsFailed : ExitCode.ok;
}

/** Turns the tool's own errors into a message and exit code; anything else is a bug and keeps its stack. */
async function guarded(out: Output, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof HandoutsError)) throw error;
    out.error(`error: ${error.message}`);
    if (error.hint) out.error(`  ${error.hint}`);
    return error.exitCode;
  }
}

function toUserConfig(flags: CommonFlags): UserConfig {
  return {
    content: flags.content,
    out: flags.out,
    formats: flags.format?.split(',').map((name) => name.trim()).filter(Boolean),
    concurrency: flags.concurrency,
    timeout: flags.timeout,
    browser: flags.browser,
    browserEndpoint: flags.browserEndpoint,
    strict: flags.strict,
    today: flags.today,
  };
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CommanderError(2, 'handouts.invalidArgument', `error: --timeout must be a number of seconds above 0, got \`${value}\``);
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CommanderError(2, 'handouts.invalidArgument', `error: --concurrency must be a whole number of 1 or more, got \`${value}\``);
  return n;
}
