import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { BUILT_IN_TEMPLATES } from '../core/version.js';
import { validateYaml } from '../core/yaml.js';
import { brandSchema, type TemplateSet } from './brand.js';
import { loadPlainWordList, type PlainWordList } from './plain-words.js';
import { loadStrings } from './strings-load.js';
import { embedFonts } from './fonts.js';
import { documentFonts } from './script-fonts.js';
import { themeClasses, themeLayouts } from './theme-classes.js';

/**
 * Reads `templates/`, each file on its own: the project's when it has it, else the built-in one
 * (`BUILT_IN_TEMPLATES`), so a folder holding only `brand.yaml` (another clinic's name and
 * colours), or only `i18n/<lang>.yaml` for a new language, builds every format, and a release that
 * adds a template file breaks no customised folder. The brand, fonts and template text are read
 * now; a format's files (its Liquid and CSS) when the format is first built. A broken file is a
 * configuration error (exit 2) naming file and line.
 */
export function loadTemplates(dir: string, root: string): TemplateSet {
  const where = (relative: string): string => {
    const own = path.join(dir, relative);
    return existsSync(own) ? own : path.join(BUILT_IN_TEMPLATES, relative);
  };
  const texts = new Map<string, string>();
  const text = (relative: string): string => {
    let value = texts.get(relative);
    if (value === undefined) {
      const file = where(relative);
      if (!existsSync(file))
        throw new UsageError(`Template file \`${path.relative(root, path.join(dir, relative))}\` is missing, and there is no built-in one`);
      value = readFileSync(file, 'utf8');
      texts.set(relative, value);
    }
    return value;
  };
  const yamlFile = <T>(relative: string, schema: z.ZodType<T>): T => {
    const shown = path.relative(root, where(relative));
    const validated = validateYaml(text(relative), schema);
    if (validated.ok) return validated.value;
    const lines = validated.issues.map((i) => `${shown}:${i.line}:${i.column} error ${i.message}  templates`);
    throw new UsageError(`Invalid template file \`${shown}\`:\n${lines.join('\n')}`);
  };

  const brand = yamlFile('brand.yaml', brandSchema);
  const logoText = text(brand.logo);
  const { strings, languageProblems } = loadStrings(dir, root);
  const fonts = embedFonts(resolveFontPackage(brand.font.package, root));
  let classes: string[] | undefined;
  const slideClasses = () => (classes ??= themeClasses(text('slides/theme.css')));

  const plainWords = new Map<string, PlainWordList | undefined>();
  return {
    brand,
    logo: `data:image/svg+xml;base64,${Buffer.from(logoText).toString('base64')}`,
    fonts,
    fontsFor: documentFonts(fonts, brand.font.family, brand.script_fonts, (name) => embedFonts(resolveFontPackage(name, root))),
    text,
    get slideClasses() {
      return slideClasses();
    },
    get slideLayouts() {
      return themeLayouts(slideClasses());
    },
    strings,
    languageProblems,
    plainWordsFor: (lang) => {
      if (!plainWords.has(lang)) plainWords.set(lang, loadPlainWordList(dir, root, lang));
      return plainWords.get(lang);
    },
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
