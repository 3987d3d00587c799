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
 * Adds a format (for extensions, and tests that prove one module is all a format needs).
 * Returns a function that removes it again.
 */
export function registerFormat(format: OutputFormat): () => void {
  if (formatById(format.id)) throw new Error(`a format \`${format.id}\` is already registered`);
  FORMATS.push(format);
  return () => {
    const index = FORMATS.indexOf(format);
    if (index >= 0) FORMATS.splice(index, 1);
  };
}

/** Names that stand for several formats: each family (`handout`) and each kind (`pdf`). */
export function formatGroups(): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const format of FORMATS) {
    (groups[format.family] ??= []).push(format.id);
    (groups[format.kind] ??= []).push(format.id);
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
