import { type Command, CommanderError, Option } from 'commander';
import type { UserConfig } from '../config/types.js';
import { allFormats, formatGroups } from '../formats/registry.js';
import type { Reporter } from './output.js';

/** Flags every command that reads content takes. */
export interface CommonFlags {
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
  printReady?: boolean;
  /** `I/N`: build only shard I of N (`build` only). */
  shard?: string;
  /** How diagnostics are printed (`build` and `check`); `human` when not given. */
  reporter?: Reporter;
}

/** The commands whose diagnostics `--reporter` can turn into GitHub annotations. */
const REPORTING = ['build', 'check'];

export function commonOptions(command: Command): Command {
  command
    .option('--content <dir>', 'folder of Markdown sources (default: content)')
    .option('--out <dir>', 'folder to write outputs to (default: output)')
    .option('--config <file>', 'config file (default: handouts.config.yaml when present)')
    .option('--format <list>', `outputs to build, comma-separated: ${Object.keys(formatGroups()).join(', ')} or single formats (see below)`)
    .addOption(new Option('--concurrency <n>', 'documents rendered at once (default: cores, at most 4)').argParser(positiveInt))
    .addOption(new Option('--timeout <seconds>', 'time one document may take to render before it fails alone (default: 60)').argParser(positiveNumber))
    .option('--browser <path>', 'Chromium or Chrome executable (default: found automatically)')
    .option('--browser-endpoint <url>', 'render through a running browser instead of launching one: its ws://... DevTools URL, or http://host:port')
    .option('--strict', 'treat warnings as errors: a document with a warning fails')
    .option('--print-ready', 'also write print-shop versions (bleed, crop marks, page boxes) of the formats that can')
    .option('--today <date>', 'the date review rules take as today, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the clock)')
    .option('--json', 'write one JSON report to stdout');
  if (REPORTING.includes(command.name())) {
    command.addOption(
      new Option('--reporter <name>', 'how diagnostics are printed on stderr: human lines, or github workflow commands (annotations in GitHub Actions)')
        .choices(['human', 'github'])
        .default('human'),
    );
  }
  return command
    .option('--quiet', 'print only errors')
    .option('--verbose', 'say which browser is used and where the time went')
    .addHelpText('after', () => formatsHelp());
}

/** The formats table under `--help`, read from the registry. */
function formatsHelp(): string {
  const formats = allFormats();
  const width = Math.max(...formats.map((format) => format.id.length)) + 2;
  const labels = Math.max(...formats.map((format) => format.label.length)) + 2;
  const rows = formats.map((format) => `  ${format.id.padEnd(width)}${format.label.padEnd(labels)}${format.files.join(', ')}`);
  return `\nFormats:\n${rows.join('\n')}`;
}

export function toUserConfig(flags: CommonFlags): UserConfig {
  return {
    content: flags.content,
    out: flags.out,
    formats: flags.format
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    concurrency: flags.concurrency,
    timeout: flags.timeout,
    browser: flags.browser,
    browser_endpoint: flags.browserEndpoint,
    strict: flags.strict,
    today: flags.today,
    print_ready: flags.printReady,
    shard: flags.shard,
  };
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new CommanderError(2, 'handouts.invalidArgument', `error: --timeout must be a number of seconds above 0, got \`${value}\``);
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CommanderError(2, 'handouts.invalidArgument', `error: --concurrency must be a whole number of 1 or more, got \`${value}\``);
  return n;
}

export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CommanderError(2, 'handouts.invalidArgument', `error: --port must be a port number from 0 to 65535, got \`${value}\``);
  return n;
}
