import postcss from 'postcss';

/**
 * The slide classes a Marp theme defines (`section.title` -> `title`), read from its rules with
 * postcss: the set content may choose from with a `class` directive, and the layouts it offers.
 */
export function themeClasses(css: string): string[] {
  const classes = new Set<string>();
  postcss.parse(css).walkRules((rule) => {
    for (const match of rule.selector.matchAll(/\bsection\.([A-Za-z][\w-]*)/g)) classes.add(match[1]!);
  });
  return [...classes].sort();
}

/** The layouts a theme offers: its `layout-<name>` classes, by name (`layout-two-column` -> `two-column`). */
export function themeLayouts(classes: readonly string[]): string[] {
  return classes.filter((name) => /^layout-./.test(name)).map((name) => name.slice('layout-'.length));
}
