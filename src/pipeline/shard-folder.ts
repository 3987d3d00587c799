import { rmSync } from 'node:fs';
import path from 'node:path';
import { BuildCache } from '../cache/store.js';
import type { ResolvedConfig } from '../config/types.js';
import type { DocumentReport } from '../report/types.js';
import { writeAtomic } from '../write/atomic.js';
import { MANIFEST, readManifest, serialiseManifest } from '../write/manifest.js';
import { readOutputFolder } from '../write/output-folder.js';
import type { ShardInput } from './merge-plan.js';
import { shardKey, shardOf, type Shard } from './shard.js';

/** The disk side of sharding: a shard's output folder read for a merge, or trimmed before a shard build writes it. */

/** Reads a shard's manifest and cache, and works out where its manifest's paths point inside it. */
export function readShard(name: string, dir: string, root: string): ShardInput {
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
  const documents = manifest.documents.filter(
    (doc) => shardOf(shardKey({ path: path.join(config.root, doc.source) }, config.content), shard.count) === shard.index,
  );
  if (documents.length === manifest.documents.length) return;
  const count = (status: DocumentReport['status']) => documents.filter((doc) => doc.status === status).length;
  writeAtomic(path.join(config.out, MANIFEST), serialiseManifest({ ...manifest, documents, summary: { built: count('built'), failed: count('failed') } }));
  rmSync(path.join(config.out, 'index.html'), { force: true });
}
