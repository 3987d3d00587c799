import type { FormatOption } from '../config/option.js';
import type { OutputFormat } from './format.js';
import { brochurePdf } from './brochure/pdf.js';
import { handoutHtml } from './handout/html.js';
import { handoutPdf } from './handout/pdf.js';
import { handoutPng } from './handout/png.js';
import { largePrintPdf } from './large-print/pdf.js';
import { slidesHtml } from './slides/html.js';
import { slidesNotesPdf } from './slides/notes-pdf.js';
import { slidesPng } from './slides/png.js';
import { slidesPptx } from './slides/pptx.js';
import { slidesPdf } from './slides/pdf.js';

/**
 * Every output format, in the order they are built and listed. A new format is one module and
 * one line here; help text, config validation, cache keys, browser start, rule scope and the
 * catalog all read this list.
 */
const FORMATS: OutputFormat[] = [handoutPdf, handoutHtml, handoutPng, largePrintPdf, brochurePdf, slidesPdf, slidesHtml, slidesNotesPdf, slidesPptx, slidesPng];

export function allFormats(): readonly OutputFormat[] {
  return FORMATS;
}

export function formatById(id: string): OutputFormat | undefined {
  return FORMATS.find((format) => format.id === id);
}

/** The format by id; an id the config resolution accepted is always registered. */
export function requireFormat(id: string): OutputFormat {
  const format = formatById(id);
  if (!format) throw new Error(`format \`${id}\` is not registered`);
  return format;
}

/**
 * Adds a format once `register.ts` has checked it against the rules (registerFormat).
 * Returns a function that removes it again.
 */
export function addFormat(format: OutputFormat, pageRuleProblems: (ids: readonly string[]) => string[]): () => void {
  const problems = formatProblems(format, pageRuleProblems);
  if (problems.length) throw new Error(`format \`${format.id}\` cannot be registered: ${problems.join('; ')}`);
  FORMATS.push(format);
  return () => {
    const index = FORMATS.indexOf(format);
    if (index >= 0) FORMATS.splice(index, 1);
  };
}

/**
 * What is wrong with a format before it joins the registry: a taken id, page rules that are not
 * registered page rules, an option whose key another format declares differently.
 */
export function formatProblems(
  format: OutputFormat,
  pageRuleProblems: (ids: readonly string[]) => string[],
  others: readonly OutputFormat[] = FORMATS.filter((f) => f !== format),
): string[] {
  const problems = pageRuleProblems(format.pageRules);
  if (others.some((other) => other.id === format.id)) problems.unshift(`a format \`${format.id}\` is already registered`);
  const declared = new Map(others.flatMap((other) => other.options ?? []).map((option) => [option.key, option]));
  for (const option of format.options ?? []) {
    if (declared.has(option.key) && declared.get(option.key) !== option) problems.push(`another format declares the option \`${option.key}\``);
  }
  return problems;
}

/** The config keys the registered formats declare, each once (two formats may share one declaration). */
export function formatOptions(): FormatOption[] {
  const seen = new Map<string, FormatOption>();
  for (const option of FORMATS.flatMap((format) => format.options ?? [])) if (!seen.has(option.key)) seen.set(option.key, option);
  return [...seen.values()];
}

/** Names that stand for several formats: each family (`handout`) and each kind (`pdf`). */
export function formatGroups(): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const format of FORMATS) {
    for (const group of [format.family, format.kind]) {
      groups[group] ??= [];
      groups[group].push(format.id);
    }
  }
  return groups;
}

/** Every name `--format` accepts: groups first, then single formats. */
export function formatNames(): string[] {
  return [...Object.keys(formatGroups()), ...FORMATS.map((format) => format.id)];
}

/** Expands group names and removes repeats, keeping the registry's order. */
export function expandFormats(names: readonly string[]): string[] {
  const groups = formatGroups();
  const wanted = new Set(names.flatMap((name) => groups[name] ?? [name]));
  return FORMATS.map((format) => format.id).filter((id) => wanted.has(id));
}

export function unknownFormats(names: readonly string[]): string[] {
  const known = new Set(formatNames());
  return names.filter((name) => !known.has(name));
}
