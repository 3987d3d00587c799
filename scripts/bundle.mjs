// Bundles the command into dist/bundle/ (run by `npm run build:ts`, after tsc): one ES module per
// lazily loaded part (split at the CLI's dynamic imports) instead of several hundred small files.
// Loading those files one by one was a third of a rebuild with nothing to do, and of the time
// before a changed document's first page could print. dist/ from tsc stays the library API.
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const OUT = 'dist/bundle';
rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Chromium's npm package finds its archive next to its own files; it stays a package.
  // pdf.js loads its worker and its canvas (a native addon) from their own packages.
  external: ['@sparticuz/chromium', 'pdfjs-dist', '@napi-rs/canvas'],
  // Bundled CommonJS packages call `require`, which an ES module lacks.
  banner: { js: "import { createRequire as __handoutsRequire } from 'node:module'; const require = __handoutsRequire(import.meta.url);" },
  chunkNames: 'part-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
// What the bundled modules read next to themselves (new URL('./client/...', import.meta.url)).
cpSync('src/formats/slides/client', `${OUT}/client`, { recursive: true });
cpSync('src/dev/client', `${OUT}/client`, { recursive: true });
cpSync('src/write/catalog-client', `${OUT}/catalog-client`, { recursive: true });
// The code's fingerprint for cache keys (src/cache/keys.ts), so a run need not hash the bundle.
const hash = createHash('sha256');
for (const file of readdirSync(OUT, { recursive: true }).map(String).sort()) {
  if (!file.endsWith('.js')) continue;
  hash.update(`${file}\0`).update(readFileSync(path.join(OUT, file)));
}
writeFileSync(`${OUT}/fingerprint.txt`, `${hash.digest('hex')}\n`);
