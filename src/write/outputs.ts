import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CachedOutput } from '../cache/store.js';
import type { ResolvedConfig } from '../config/types.js';
import type { PreparedDocument } from '../transform/prepared.js';
import { sha256 } from '../core/hash.js';
import { toPosix } from '../core/paths.js';
import type { OutputFormat, Produced } from '../formats/format.js';
import type { Diagnostic } from '../report/types.js';
import { writeAtomic } from './atomic.js';

/**
 * Writes the files a format made into `output/<lang>/<slug>/`, each atomically, main file first,
 * and records them for the cache. Files it wrote last time and did not make now are removed. A
 * file it does not declare, or a missing main file, is a bug in the format.
 */
export function writeOutputs(
  document: PreparedDocument,
  format: OutputFormat,
  key: string,
  produced: Produced,
  diagnostics: Diagnostic[],
  config: ResolvedConfig,
  previous?: CachedOutput,
): CachedOutput {
  const dir = path.join(config.out, document.lang, document.ref.slug);
  const [main] = format.files;
  const names = Object.keys(produced.files).sort((a, b) => (a === main ? -1 : b === main ? 1 : a.localeCompare(b)));
  if (names[0] !== main) throw new Error(`format \`${format.id}\` did not make its main file \`${main}\``);
  const undeclared = names.filter((name) => !format.files.some((pattern) => matches(pattern, name)));
  if (undeclared.length) throw new Error(`format \`${format.id}\` made \`${undeclared.join('`, `')}\`, which it does not declare`);
  const files = names.map((name) => {
    const content = produced.files[name]!;
    const target = path.join(dir, name);
    writeAtomic(target, content);
    const stat = statSync(target);
    return { file: toPosix(path.relative(config.root, target)), sha256: sha256(content), size: stat.size, mtimeMs: stat.mtimeMs };
  });
  const now = new Set(files.map((f) => f.file));
  for (const stale of previous?.files ?? []) if (!now.has(stale.file)) rmSync(path.join(config.root, stale.file), { force: true });
  return { format: format.id, key, files, pages: produced.pages, diagnostics };
}

/** A declared name, or a pattern in which `*` stands for any characters but `/`. */
function matches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const expression = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${expression}$`).test(name);
}
