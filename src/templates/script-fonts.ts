import { cssString } from './liquid.js';
import type { EmbeddedFonts } from './fonts.js';

/** The fonts of one document: the brand's and, for a script the brand font lacks, that script's. */
export interface DocumentFonts extends EmbeddedFonts {
  /** The CSS `font-family` value: the brand font first, the script's after it. */
  stack: string;
}

/**
 * Pure (given the loader): a function from a language to its fonts, made once per script. The
 * script comes from the platform's locale data (`ar` -> `Arab`); a script with a font in the
 * brand's `script_fonts` gets that font added, so Arabic or Hebrew text never falls back to
 * whatever the machine has, and documents in other scripts carry no extra font.
 */
export function documentFonts(
  base: EmbeddedFonts,
  brandFamily: string,
  scriptFonts: Readonly<Record<string, { family: string; package: string }>>,
  load: (packageName: string) => EmbeddedFonts,
): (lang: string) => DocumentFonts {
  const made = new Map<string, DocumentFonts>();
  const plain: DocumentFonts = { ...base, stack: `${cssString(brandFamily)}, sans-serif` };
  return (lang) => {
    const script = scriptOf(lang);
    const extra = script ? scriptFonts[script] : undefined;
    if (!script || !extra) return plain;
    let fonts = made.get(script);
    if (!fonts) {
      const added = load(extra.package);
      fonts = {
        inline: `${base.inline}\n${added.inline}`,
        linked: `${base.linked}\n${added.linked}`,
        files: new Map([...base.files, ...added.files]),
        stack: `${cssString(brandFamily)}, ${cssString(extra.family)}, sans-serif`,
      };
      made.set(script, fonts);
    }
    return fonts;
  };
}

function scriptOf(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).maximize().script;
  } catch {
    return undefined;
  }
}
