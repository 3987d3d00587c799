import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO } from './project.js';

// woff2sfnt-sfnt2woff is CommonJS: the WOFF 1.0 container unwrapped into the TrueType font inside.
const { toSfnt } = createRequire(import.meta.url)('woff2sfnt-sfnt2woff') as { toSfnt: (woff: Uint8Array) => Uint8Array };

/**
 * The brand's font (Atkinson Hyperlegible) and Noto Sans Arabic, from their npm packages, installed
 * where LibreOffice finds them, as a person who has the fonts installed would have them: its WOFF files unwrapped into TrueType
 * in `dir/fonts`, and a fontconfig file that adds that folder to the system's. Pass the returned
 * environment to LibreOffice.
 */
export function brandFontForLibreOffice(dir: string): Record<string, string> {
  const fonts = path.join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  // The brand's Latin faces, and the Arabic script font a right-to-left deck names for its text.
  for (const [npm, subset] of [
    ['atkinson-hyperlegible', 'latin'],
    ['noto-sans-arabic', 'arabic'],
  ] as const) {
    const files = path.join(REPO, 'node_modules/@fontsource', npm, 'files');
    for (const name of readdirSync(files).filter((file) => new RegExp(`-${subset}-(400|700)-(normal|italic)\\.woff$`).test(file))) {
      writeFileSync(path.join(fonts, name.replace(/\.woff$/, '.ttf')), toSfnt(new Uint8Array(readFileSync(path.join(files, name)))));
    }
  }
  const config = path.join(dir, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fonts}</dir>\n  <cachedir>${path.join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return { FONTCONFIG_FILE: config };
}
