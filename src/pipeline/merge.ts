import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CacheEntry } from '../cache/store.js';
import type { ResolvedConfig } from '../config/types.js';
import { sha256 } from '../core/hash.js';
import { toPosix } from '../core/paths.js';
import { discoverDocuments } from '../discover/documents.js';
import type { BuildReport, DocumentReport } from '../report/types.js';
import { ensureWritable, writeAtomic } from '../write/atomic.js';
import { planMerge } from './merge-plan.js';
import { readShard } from './shard-folder.js';
import { writeIndexes } from '../write/indexes.js';
import { Session } from './session.js';

export interface MergeOptions {
  /** The resolved configuration (see `loadConfig`); taken from `session` when one is given. */
  config?: ResolvedConfig;
  session?: Session;
  /** The shards' output folders (what `handouts build --shard I/N` wrote), relative to `cwd`. */
  dirs: readonly string[];
  /** Default: the config's project root. */
  cwd?: string;
}

export interface MergeReport {
  /** The merged documents, in the order the shards were given. */
  documents: DocumentReport[];
  summary: { documents: number; built: number; failed: number; files: number; ms: number };
  shards: { dir: string; documents: number }[];
  /** Documents of the content folder that none of the shards holds. */
  missing: string[];
}

/**
 * `handouts merge`: the output folders of shard builds made into one, as a full build would have
 * written it: every document's files copied (bytes unchanged), one manifest, one build cache, and
 * the catalog written by the build's own code.
 */
export async function merge(options: MergeOptions): Promise<MergeReport> {
  const started = performance.now();
  const session = options.session ?? new Session({ config: requireConfig(options) });
  const { config } = session;
  try {
    const cwd = options.cwd ?? config.root;
    const shards = options.dirs.map((name) => readShard(name, path.resolve(cwd, name), config.root));
    const target = toPosix(path.relative(config.root, config.out));
    const plan = planMerge(shards, target ? `${target}/` : '');
    ensureWritable(config.out);
    const copied = new Map<string, { sha256: string; mtimeMs: number }>();
    for (const { from, to } of plan.copies) {
      const file = path.join(config.root, to);
      const bytes = readFileSync(from);
      if (path.resolve(from) !== path.resolve(file)) writeAtomic(file, bytes);
      copied.set(to, { sha256: sha256(bytes), mtimeMs: statSync(file).mtimeMs });
    }
    const cache = session.cache();
    for (const [source, entry] of plan.entries) {
      // A file copied with the bytes the entry records is trusted by its new time stamp, not hashed again.
      const stamp = (file: CacheEntry['outputs'][number]['files'][number]) => {
        const now = copied.get(file.file);
        return now?.sha256 === file.sha256 ? { ...file, mtimeMs: now.mtimeMs } : file;
      };
      cache.set(source, { ...entry, outputs: entry.outputs.map((output) => ({ ...output, files: output.files.map(stamp) })) });
    }
    if (plan.entries.length) cache.save();
    const count = (status: string) => plan.documents.filter((doc) => doc.status === status).length;
    const report: BuildReport = { documents: plan.documents, summary: { built: count('built'), skipped: count('skipped'), failed: count('failed'), ms: 0 } };
    await writeIndexes(session.config, report, () => session.loadTools());
    const held = new Set(plan.documents.map((doc) => doc.source));
    const missing = existsSync(config.content)
      ? discoverDocuments(config.content, config.root)
          .filter((ref) => !held.has(ref.source))
          .map((ref) => ref.source)
      : [];
    return {
      documents: [...plan.documents].sort((a, b) => a.source.localeCompare(b.source)),
      summary: {
        documents: plan.documents.length,
        built: plan.documents.length - count('failed'),
        failed: count('failed'),
        files: plan.copies.length,
        ms: Math.round(performance.now() - started),
      },
      shards: shards.map((shard) => ({ dir: shard.name, documents: shard.documents.length })),
      missing,
    };
  } finally {
    if (!options.session) await session.dispose();
  }
}

function requireConfig(options: MergeOptions): ResolvedConfig {
  if (!options.config) throw new TypeError('merge() needs `config` (from loadConfig) or a `session`');
  return options.config;
}
