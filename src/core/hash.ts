import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * Hashing with Node's own modules only, so a rebuild with nothing to do can decide so without
 * loading the rendering stack.
 */

export function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** sha256 of a file's bytes, or undefined when it cannot be read. */
export function fileSha256(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Every file under `dir`, sorted by name at each level, so hashes over them are stable. */
export function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walkFiles(full) : entry.isFile() ? [full] : [];
    });
}

/** One hash over the relative paths and bytes of files under `dir` (those `keep` accepts). */
export function treeSha256(dir: string, keep: (file: string) => boolean = () => true): string {
  const hash = createHash('sha256');
  for (const file of walkFiles(dir)) {
    if (keep(file)) hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
