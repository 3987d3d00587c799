import { statSync } from 'node:fs';
import path from 'node:path';
import type { CachedOutput } from '../cache/store.js';
import type { ResolvedConfig } from '../config/types.js';
import type { PreparedDocument } from '../transform/document.js';
import { sha256 } from '../core/hash.js';
import { toPosix } from '../core/paths.js';
import type { OutputFormat, Produced } from '../formats/format.js';
import type { Diagnostic } from '../report/types.js';
import { writeAtomic } from '../write/atomic.js';

/**
 * Writes every file a format declares into `output/<lang>/<slug>/`, each atomically, and
 * records them for the cache. A format that did not make a file it declares is a bug in it.
 */
export function writeOutputs(
  document: PreparedDocument,
  format: OutputFormat,
  key: string,
  produced: Produced,
  diagnostics: Diagnostic[],
  config: ResolvedConfig,
): CachedOutput {
  const dir = path.join(config.out, document.lang, document.ref.slug);
  const files = format.files.map((name) => {
    const content = produced.files[name];
    if (content === undefined) throw new Error(`format \`${format.id}\` declares \`${name}\` but did not make it`);
    const target = path.join(dir, name);
    writeAtomic(target, content);
    const stat = statSync(target);
    return { file: toPosix(path.relative(config.root, target)), sha256: sha256(content), size: stat.size, mtimeMs: stat.mtimeMs };
  });
  return { format: format.id, key, files, pages: produced.pages, diagnostics };
}
