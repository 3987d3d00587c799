import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { validateYaml } from '../core/yaml.js';
import { brandSchema, type TemplateSet } from './brand.js';
import { loadPlainWords } from './plain-words.js';
import { loadStrings } from './strings-load.js';
import { embedFonts } from './fonts.js';
import { documentFonts } from './script-fonts.js';
import { themeClasses, themeLayouts } from './theme-classes.js';

/**
 * Reads `templates/`: brand, logo, fonts, handout template and CSS, slide theme, template text per
 * language. A broken template set is a configuration error (exit 2) naming the file and line.
 */
export function loadTemplates(dir: string, root: string): TemplateSet {
  const read = (relative: string): string => {
    const file = path.join(dir, relative);
    if (!existsSync(file)) {
      throw new UsageError(`Template file \`${path.relative(root, file)}\` is missing`, {
        hint: 'The templates folder needs brand.yaml, handout/handout.liquid, handout/handout.css, handout/large-print.css, brochure/brochure.liquid, brochure/brochure.css, slides/theme.css, catalog.liquid and i18n/en.yaml; `handouts init --dir templates-new` writes the built-in ones to compare.',
      });
    }
    return readFileSync(file, 'utf8');
  };
  const yamlFile = <T>(relative: string, schema: z.ZodType<T>): T => {
    const shown = path.relative(root, path.join(dir, relative));
    const validated = validateYaml(read(relative), schema);
    if (validated.ok) return validated.value;
    const lines = validated.issues.map((i) => `${shown}:${i.line}:${i.column} error ${i.message}  templates`);
    throw new UsageError(`Invalid template file \`${shown}\`:\n${lines.join('\n')}`);
  };

  const brand = yamlFile('brand.yaml', brandSchema);
  const logoText = read(brand.logo);
  const { strings, languageProblems } = loadStrings(dir, root);
  const fonts = embedFonts(resolveFontPackage(brand.font.package, root));
  const slideTheme = read('slides/theme.css');
  const slideClasses = themeClasses(slideTheme);

  return {
    brand,
    logo: `data:image/svg+xml;base64,${Buffer.from(logoText).toString('base64')}`,
    fonts,
    fontsFor: documentFonts(fonts, brand.font.family, brand.script_fonts, (name) => embedFonts(resolveFontPackage(name, root))),
    handoutTemplate: read('handout/handout.liquid'),
    handoutCss: read('handout/handout.css'),
    largePrintCss: read('handout/large-print.css'),
    brochureTemplate: read('brochure/brochure.liquid'),
    brochureCss: read('brochure/brochure.css'),
    slideTheme,
    slideClasses,
    slideLayouts: themeLayouts(slideClasses),
    catalogTemplate: read('catalog.liquid'),
    strings,
    languageProblems,
    plainWords: loadPlainWords(dir, root),
  };
}

/** The font package's folder: from the project first, then from the tool's own dependencies. */
function resolveFontPackage(name: string, root: string): string {
  for (const base of [path.join(root, 'package.json'), import.meta.url]) {
    try {
      return path.dirname(createRequire(base).resolve(`${name}/package.json`));
    } catch {
      // try the next place
    }
  }
  throw new UsageError(`Font package \`${name}\` named in templates/brand.yaml is not installed`, {
    hint: `Install it with \`npm install ${name}\`, or name an installed Fontsource package.`,
  });
}
