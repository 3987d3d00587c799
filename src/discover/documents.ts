import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DocumentRef } from '../core/document-ref.js';
import { UsageError } from '../core/errors.js';
import { toPosix } from '../core/paths.js';

/**
 * Finds the documents under `content/`: every `.md` file whose name, and every folder on whose
 * path, does not start with `_` (partials) or `.`. With `only`, just the named files or folders,
 * which must lie inside the content folder. Sorted, so every run sees the same order.
 */
export function discoverDocuments(contentDir: string, root: string, only: readonly string[] = [], cwd = root): DocumentRef[] {
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    throw new UsageError(`Content folder \`${path.relative(cwd, contentDir) || contentDir}\` does not exist`, {
      hint: 'Run from the project folder, or pass --content DIR.',
    });
  }
  const all = walk(contentDir).sort();
  const chosen = only.length ? select(all, only, contentDir, cwd) : all;
  return chosen.map((file) => {
    const inside = toPosix(path.relative(contentDir, file)).split('/');
    return {
      path: file,
      source: toPosix(path.relative(root, file)),
      slug: path.basename(file, '.md'),
      ...(inside.length > 1 && { folder: inside[0] }),
    };
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.isFile() && entry.name.endsWith('.md') ? [full] : [];
  });
}

function select(all: string[], only: readonly string[], contentDir: string, cwd: string): string[] {
  const picked = new Set<string>();
  for (const name of only) {
    const target = path.resolve(cwd, name);
    const inside = target === contentDir || target.startsWith(contentDir + path.sep);
    if (!existsSync(target)) throw new UsageError(`Source \`${name}\` does not exist`);
    if (!inside) throw new UsageError(`Source \`${name}\` is not inside the content folder \`${path.relative(cwd, contentDir)}\``);
    const matches = all.filter((file) => file === target || file.startsWith(target + path.sep));
    if (!matches.length) {
      throw new UsageError(`Source \`${name}\` is not a document`, {
        hint: 'Documents are .md files; names starting with _ are partials, which are built through the documents that include them.',
      });
    }
    for (const file of matches) picked.add(file);
  }
  return all.filter((file) => picked.has(file));
}
