import path from 'node:path';
import { resolveRules } from '../rules/settings.js';
import type { RulesConfig } from '../rules/schema.js';
import { UsageError } from '../core/errors.js';
import { existsSync } from 'node:fs';
import { epochDate, isoDay } from '../core/epoch.js';
import { BUILT_IN_TEMPLATES } from '../core/version.js';
import { allFormats, expandFormats, formatById, formatNames, formatOptions as registeredOptions, unknownFormats } from '../formats/registry.js';
import type { FormatOption } from './option.js';
import type { CoreConfig } from './schema.js';
import { defaults, type ResolvedConfig, type UserConfig } from './types.js';

/** Environment variables that can set a core config key; the first one set wins. Format options declare their own. */
const ENVIRONMENT: Partial<Record<keyof CoreConfig, readonly string[]>> = {
  content: ['HANDOUTS_CONTENT'],
  out: ['HANDOUTS_OUT'],
  templates: ['HANDOUTS_TEMPLATES'],
  lang: ['HANDOUTS_LANG'],
  paper: ['HANDOUTS_PAPER'],
  formats: ['HANDOUTS_FORMAT'],
  browser: ['HANDOUTS_BROWSER', 'CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'],
  browser_endpoint: ['HANDOUTS_BROWSER_ENDPOINT'],
  concurrency: ['HANDOUTS_CONCURRENCY'],
  timeout: ['HANDOUTS_TIMEOUT'],
  shard: ['HANDOUTS_SHARD'],
  today: ['HANDOUTS_TODAY'],
};

/** Every config key an environment variable can set, with the variables, the format options' included. */
export function environmentNamesOf(formatOptions: () => readonly FormatOption[] = registeredOptions): Readonly<Record<string, readonly string[]>> {
  const names: Record<string, readonly string[]> = { ...ENVIRONMENT };
  for (const option of formatOptions()) if (option.environment) names[option.key] = option.environment;
  return names;
}

export interface ConfigSources {
  /** Values from command-line flags; paths relative to `cwd`. */
  flags: UserConfig;
  /** The parsed config file, if any; paths relative to its folder. */
  file?: { path: string; config: UserConfig };
  /** Values from environment variables, already validated (see `readEnvironment`). */
  environment?: UserConfig;
  /** Which variable set each of them (`CHROME_PATH`), for messages. */
  environmentNames?: Partial<Record<string, string>>;
  /** `SOURCE_DATE_EPOCH`, for `today` when nothing else sets it. */
  sourceDateEpoch?: string;
  cwd: string;
  /** The clock, for `today` when nothing else sets it. */
  now?: Date;
  /** The options the formats declare (default: the registered formats'). */
  formatOptions?: () => readonly FormatOption[];
}

/**
 * The one precedence rule: flag, then config file, then environment, then default.
 * Pure: everything it needs is passed in.
 */
export function resolveConfig(sources: ConfigSources): ResolvedConfig {
  const { flags, file, environment = {}, environmentNames = {}, sourceDateEpoch, cwd, now = new Date(), formatOptions = registeredOptions } = sources;
  const fileDir = file ? path.dirname(file.path) : cwd;
  const root = fileDir;

  const origins: Partial<Record<string, string>> = {};
  const pick = <K extends keyof CoreConfig & string>(key: K): { value: NonNullable<CoreConfig[K]>; base: string } | undefined => {
    const found = (value: unknown, base: string, origin: string) => {
      origins[key] = origin;
      return { value: value as NonNullable<CoreConfig[K]>, base };
    };
    if (flags[key] !== undefined) return found(flags[key], cwd, `--${key.replace(/_/g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    if (file?.config[key] !== undefined) return found(file.config[key], fileDir, `\`${key}\` in ${path.basename(file.path)}`);
    if (environment[key] !== undefined)
      return found(environment[key], cwd, environmentNames[key] ?? environmentNamesOf(formatOptions)[key]?.join(' or ') ?? key);
    return undefined;
  };
  const options: Record<string, unknown> = {};
  for (const option of formatOptions()) {
    const value = pick(option.key as keyof CoreConfig & string)?.value ?? option.default;
    if (value !== undefined) options[option.key] = value;
  }
  const dir = (key: 'content' | 'out' | 'templates') => {
    const chosen = pick(key);
    return chosen ? path.resolve(chosen.base, chosen.value as string) : path.resolve(root, defaults[key]);
  };
  const browser = pick('browser');
  const formats = pick('formats')?.value ?? allFormats().map((format) => format.id);
  const unknown = unknownFormats(formats);
  if (unknown.length) {
    throw new UsageError(`Unknown format \`${unknown.join('`, `')}\``, { hint: `Use ${formatNames().join(', ')}.` });
  }
  // A project with no templates folder of its own builds with the built-in brand and templates.
  const templates = dir('templates');
  const builtInTemplates = !pick('templates') && !existsSync(templates);
  const buildDate = epochDate(sourceDateEpoch);
  const printReady = resolvePrintReady(pick('print_ready')?.value);

  return {
    root,
    content: dir('content'),
    out: dir('out'),
    templates: builtInTemplates ? BUILT_IN_TEMPLATES : templates,
    builtInTemplates,
    lang: pick('lang')?.value ?? defaults.lang,
    paper: pick('paper')?.value ?? defaults.paper,
    formats: expandFormats(formats),
    browser: browser ? path.resolve(browser.base, browser.value as string) : undefined,
    browserEndpoint: (pick('browser_endpoint') ?? pick('browserEndpoint'))?.value,
    concurrency: pick('concurrency')?.value ?? defaults.concurrency,
    shard: pick('shard')?.value,
    timeoutMs: Math.round((pick('timeout')?.value ?? defaults.timeout) * 1000),
    strict: pick('strict')?.value ?? false,
    rules: resolveRules(pick('rules')?.value as RulesConfig | undefined),
    today: pick('today')?.value ?? isoDay(buildDate ?? now),
    buildDate: buildDate?.toISOString(),
    printReady,
    bleedMm: pick('bleed_mm')?.value ?? defaults.bleed_mm,
    options,
    configFile: file?.path,
    origins,
  };
}

/** `true`: every format that can make a print-shop version; a list: those named (groups expanded). */
function resolvePrintReady(value: boolean | string[] | undefined): string[] {
  const able = allFormats()
    .filter((format) => format.printReady)
    .map((format) => format.id);
  if (!value) return [];
  if (value === true) return able;
  const unknown = unknownFormats(value);
  if (unknown.length) throw new UsageError(`Unknown format \`${unknown.join('`, `')}\` in \`print_ready\``, { hint: `Use ${formatNames().join(', ')}.` });
  // A group (`pdf`) means those of it that can; a single format named that cannot is a mistake.
  const unable = value.filter((name) => formatById(name) && !able.includes(name));
  if (unable.length) throw new UsageError(`\`${unable.join('`, `')}\` cannot make a print-shop version`, { hint: `These can: ${able.join(', ')}.` });
  return expandFormats(value).filter((id) => able.includes(id));
}

/** The names of the environment variables that are set, by config key. */
export function environmentValues(
  env: Readonly<Record<string, string | undefined>>,
  formatOptions: () => readonly FormatOption[] = registeredOptions,
): Record<string, { name: string; value: string }> {
  const found: Record<string, { name: string; value: string }> = {};
  for (const [key, names] of Object.entries(environmentNamesOf(formatOptions))) {
    const name = names.find((candidate) => env[candidate]);
    if (name) found[key] = { name, value: env[name] as string };
  }
  return found;
}
