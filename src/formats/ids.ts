/** Every output format, by the id used in `--format`, the report and the manifest. */
export const FORMAT_IDS = ['handout-pdf', 'handout-html', 'slides-pdf', 'slides-html'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** Short names that stand for several formats. */
export const FORMAT_GROUPS: Record<string, readonly FormatId[]> = {
  handout: ['handout-pdf', 'handout-html'],
  slides: ['slides-pdf', 'slides-html'],
  pdf: ['handout-pdf', 'slides-pdf'],
  html: ['handout-html', 'slides-html'],
};

/** Expands group names and removes repeats, keeping the canonical order. */
export function expandFormats(names: readonly string[]): FormatId[] {
  const wanted = new Set<string>(names.flatMap((name): readonly string[] => FORMAT_GROUPS[name] ?? [name]));
  return FORMAT_IDS.filter((id) => wanted.has(id));
}

export function unknownFormats(names: readonly string[]): string[] {
  return names.filter((name) => !(name in FORMAT_GROUPS) && !(FORMAT_IDS as readonly string[]).includes(name));
}
