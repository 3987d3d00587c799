import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';

/** The faces embedded from a Fontsource package: regular, bold and their italics. */
const FACES = ['400.css', '400-italic.css', '700.css', '700-italic.css'];

/**
 * Reads a Fontsource package's `@font-face` rules and rewrites each `src` to the WOFF2 file
 * inline as a `data:` URL, keeping its `unicode-range`. Every output then carries its fonts and
 * the renderer never loads a file or URL for them.
 */
export function embedFontCss(packageDir: string): string {
  const rules: string[] = [];
  for (const face of FACES) {
    const file = path.join(packageDir, face);
    if (!existsSync(file)) continue;
    const root = postcss.parse(readFileSync(file, 'utf8'));
    root.walkAtRules('font-face', (rule) => {
      rule.walkDecls('src', (decl) => {
        const woff2 = /url\(\.?\/?([^)]+\.woff2)\)/.exec(decl.value)?.[1];
        if (!woff2) return;
        const data = readFileSync(path.join(packageDir, woff2)).toString('base64');
        decl.value = `url(data:font/woff2;base64,${data}) format('woff2')`;
      });
      rule.walkDecls('font-display', (decl) => {
        // Printing must wait for the real face, never a fallback.
        decl.value = 'block';
      });
    });
    root.walkComments((comment) => {
      comment.remove();
    });
    rules.push(root.toString().trim());
  }
  if (!rules.length) throw new Error(`No font faces found in ${packageDir}`);
  return rules.join('\n');
}
