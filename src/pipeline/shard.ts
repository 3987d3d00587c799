import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DocumentRef } from '../core/document-ref.js';
import { UsageError } from '../core/errors.js';
import { toPosix } from '../core/paths.js';

/** One part of a split build: shard `index` (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * `2/4` as a shard; anything else (`0/3`, `4/3`, `a/b`) is a usage error. Undefined or empty:
 * no sharding.
 */
export function parseShard(spec: string | undefined): Shard | undefined {
  if (spec === undefined || spec.trim() === '') return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Shard \`${spec}\` is not valid: give it as I/N, the shard I (from 1 to N) of N shards`, {
      hint: 'For example --shard 2/4 builds the second of four parts; 1/1 builds everything.',
    });
  }
  return { index, count };
}

/**
 * What a document is known by across shards: its source path inside the content folder
 * (`es/diabetes.md` and `diabetes.md` are different documents), the same on every machine.
 */
export function shardKey(ref: Pick<DocumentRef, 'path'>, contentDir: string): string {
  return toPosix(path.relative(contentDir, ref.path));
}

/**
 * The shard (from 1) a key belongs to of `count`: its sha256 modulo `count`. It depends on the key
 * alone, so adding or removing a document never moves another between shards.
 */
export function shardOf(key: string, count: number): number {
  const digest = createHash('sha256').update(key).digest('hex');
  return Number(BigInt(`0x${digest}`) % BigInt(count)) + 1;
}

/** Pure: the documents of `shard` (all of them when there is none), in their order. */
export function inShard<T extends Pick<DocumentRef, 'path'>>(refs: readonly T[], contentDir: string, shard: Shard | undefined): T[] {
  if (!shard) return [...refs];
  return refs.filter((ref) => shardOf(shardKey(ref, contentDir), shard.count) === shard.index);
}
