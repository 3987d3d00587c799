import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';

/** The faces embedded from a Fontsource package: regular, bold and their italics. */
const FACES = ['400.css', '400-italic.css', '700.css', '700-italic.css'];

/**
 * The origin print pages load fonts from. It names no host on any network: the renderer answers
 * these requests from memory (see render/pdf.ts), and refuses every other one.
 */
export const ASSET_ORIGIN = 'https://assets.handouts.invalid';

export interface EmbeddedFonts {
  /** `@font-face` rules with each font inline as a `data:` URL: for the HTML files people open. */
  inline: string;
  /** The same rules pointing at ASSET_ORIGIN: for pages printed to PDF, which then parse no base64. */
  linked: string;
  /** The font files by their URL under ASSET_ORIGIN. */
  files: ReadonlyMap<string, Buffer>;
}

/**
 * Reads a Fontsource package's `@font-face` rules and keeps the WOFF2 source of each face, with
 * its `unicode-range`. Every output carries its fonts; nothing is fetched while rendering.
 */
export function embedFonts(packageDir: string): EmbeddedFonts {
  const inline: string[] = [];
  const linked: string[] = [];
  const files = new Map<string, Buffer>();
  for (const face of FACES) {
    const file = path.join(packageDir, face);
    if (!existsSync(file)) continue;
    const root = postcss.parse(readFileSync(file, 'utf8'));
    root.walkComments((comment) => {
      comment.remove();
    });
    root.walkAtRules('font-face', (rule) => {
      rule.walkDecls('font-display', (decl) => {
        // Printing must wait for the real face, never a fallback.
        decl.value = 'block';
      });
    });
    const sources: { decl: postcss.Declaration; name: string; bytes: Buffer }[] = [];
    root.walkDecls('src', (decl) => {
      const woff2 = /url\(\.?\/?([^)]+\.woff2)\)/.exec(decl.value)?.[1];
      if (woff2) sources.push({ decl, name: path.basename(woff2), bytes: readFileSync(path.join(packageDir, woff2)) });
    });
    for (const { decl, name, bytes } of sources) {
      files.set(`${ASSET_ORIGIN}/fonts/${name}`, bytes);
      decl.value = `url(${ASSET_ORIGIN}/fonts/${name}) format('woff2')`;
    }
    linked.push(root.toString().trim());
    for (const { decl, bytes } of sources) decl.value = `url(data:font/woff2;base64,${bytes.toString('base64')}) format('woff2')`;
    inline.push(root.toString().trim());
  }
  if (!inline.length) throw new Error(`No font faces found in ${packageDir}`);
  return { inline: inline.join('\n'), linked: linked.join('\n'), files };
}
