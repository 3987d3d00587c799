import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { BuildCache, type CacheEntry } from '../cache/store.js';
import type { ResolvedConfig } from '../config/types.js';
import { UsageError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { toPosix } from '../core/paths.js';
import { discoverDocuments } from '../discover/documents.js';
import type { BuildReport, DocumentReport, OutputEntry } from '../report/types.js';
import { ensureWritable, writeAtomic } from '../write/atomic.js';
import { MANIFEST, readManifest, serialiseManifest } from '../write/manifest.js';
import { filesOf, plainPath, readOutputFolder } from '../write/output-folder.js';
import { writeIndexes } from './indexes.js';
import { Session } from './session.js';
import { shardKey, shardOf, type Shard } from './shard.js';

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

/** One shard's output folder as read from disk. */
export interface ShardInput {
  /** As the user named it, for messages. */
  name: string;
  dir: string;
  /** Where its files were when it was built, project-relative (`output/`): what its manifest's paths start with. */
  prefix: string;
  documents: readonly DocumentReport[];
  cached: (source: string) => CacheEntry | undefined;
}

export interface MergePlan {
  documents: DocumentReport[];
  /** Files to copy: from a shard folder (absolute) to the merged output (project-relative). */
  copies: { from: string; to: string }[];
  entries: [string, CacheEntry][];
}

/**
 * Pure: the merged documents with their paths moved from each shard's folder to `target` (the
 * merged output, project-relative, ending in `/` unless empty), the files to copy and the cache
 * entries to keep. Two shards holding the same document, or writing the same file, is a usage error.
 */
export function planMerge(shards: readonly ShardInput[], target: string): MergePlan {
  const plan: MergePlan = { documents: [], copies: [], entries: [] };
  const holder = new Map<string, string>();
  const writer = new Map<string, string>();
  for (const shard of shards) {
    // Undefined for a path outside the shard folder: such a cached output is dropped (never copied or removed later).
    const move = (file: string) => (file.startsWith(shard.prefix) && plainPath(file.slice(shard.prefix.length)) ? target + file.slice(shard.prefix.length) : undefined);
    for (const doc of shard.documents) {
      const other = holder.get(doc.source);
      if (other !== undefined) {
        throw new UsageError(`Document \`${doc.source}\` is in two shards, \`${other}\` and \`${shard.name}\`: cannot merge them`, {
          hint: 'Build every shard with the same N and its own I (--shard I/N), and name each shard folder once.',
        });
      }
      holder.set(doc.source, shard.name);
      for (const file of filesOf(doc.outputs)) {
        const inside = file.startsWith(shard.prefix) ? file.slice(shard.prefix.length) : '';
        if (!plainPath(inside)) throw new UsageError(`\`${shard.name}\` lists \`${file}\`, which is not a file inside it: cannot merge it`);
        const to = target + inside;
        const first = writer.get(to);
        if (first !== undefined) throw new UsageError(`\`${to}\` is written by two documents, \`${first}\` and \`${doc.source}\`: cannot merge them`);
        writer.set(to, doc.source);
        plan.copies.push({ from: path.join(shard.dir, inside), to });
      }
      plan.documents.push({ ...doc, outputs: moveOutputs(doc.outputs, move) });
      const entry = shard.cached(doc.source);
      if (entry) plan.entries.push([doc.source, moveEntry(entry, move)]);
    }
  }
  return plan;
}

/** A relative path that stays inside its folder: no `..`, `.` or empty segments, no backslash. */
function moveOutputs(outputs: readonly OutputEntry[], move: (file: string) => string | undefined): OutputEntry[] {
  return outputs.map((output) => ({ ...output, file: move(output.file)!, ...(output.files && { files: output.files.map((file) => move(file)!) }) }));
}

/** A cache entry with its files moved; outputs whose files lay elsewhere are left out (built again when asked for). */
function moveEntry(entry: CacheEntry, move: (file: string) => string | undefined): CacheEntry {
  const outputs = entry.outputs.filter((output) => output.files.every((file) => move(file.file) !== undefined));
  const kept = entry.report.outputs.filter((output) => filesOf([output]).every((file) => move(file) !== undefined));
  return {
    ...entry,
    report: { ...entry.report, outputs: moveOutputs(kept, move) },
    outputs: outputs.map((output) => ({ ...output, files: output.files.map((file) => ({ ...file, file: move(file.file)! })) })),
  };
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
    await writeIndexes(session, report);
    const held = new Set(plan.documents.map((doc) => doc.source));
    const missing = existsSync(config.content) ? discoverDocuments(config.content, config.root).filter((ref) => !held.has(ref.source)).map((ref) => ref.source) : [];
    return {
      documents: [...plan.documents].sort((a, b) => a.source.localeCompare(b.source)),
      summary: { documents: plan.documents.length, built: plan.documents.length - count('failed'), failed: count('failed'), files: plan.copies.length, ms: Math.round(performance.now() - started) },
      shards: shards.map((shard) => ({ dir: shard.name, documents: shard.documents.length })),
      missing,
    };
  } finally {
    if (!options.session) await session.dispose();
  }
}

/** Reads a shard's manifest and cache, and works out where its manifest's paths point inside it. */
function readShard(name: string, dir: string, root: string): ShardInput {
  const folder = readOutputFolder(name, dir, root, 'Name the folders that `handouts build --shard I/N` wrote (their --out), each holding its manifest.json.');
  const cache = BuildCache.load(dir);
  return { name, dir, prefix: folder.prefix, documents: folder.documents, cached: (source) => cache.get(source) };
}

/**
 * Before a shard build writes its manifest: documents of other shards that an earlier build left
 * in it (an output folder restored from a cache) are dropped from it, and the catalog is removed so
 * that it is written again, so the shard's manifest and catalog list only its own documents.
 */
export function dropOtherShards(config: ResolvedConfig, shard: Shard): void {
  const { manifest } = readManifest(config.out);
  if (!manifest) return;
  const documents = manifest.documents.filter((doc) => shardOf(shardKey({ path: path.join(config.root, doc.source) }, config.content), shard.count) === shard.index);
  if (documents.length === manifest.documents.length) return;
  const count = (status: DocumentReport['status']) => documents.filter((doc) => doc.status === status).length;
  writeAtomic(path.join(config.out, MANIFEST), serialiseManifest({ ...manifest, documents, summary: { built: count('built'), failed: count('failed') } }));
  rmSync(path.join(config.out, 'index.html'), { force: true });
}

function requireConfig(options: MergeOptions): ResolvedConfig {
  if (!options.config) throw new TypeError('merge() needs `config` (from loadConfig) or a `session`');
  return options.config;
}
