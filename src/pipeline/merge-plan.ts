import path from 'node:path';
import type { CacheEntry } from '../cache/store.js';
import { UsageError } from '../core/errors.js';
import type { DocumentReport, OutputEntry } from '../report/types.js';
import { filesOf, plainPath } from '../write/output-folder.js';

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
    const move = (file: string) =>
      file.startsWith(shard.prefix) && plainPath(file.slice(shard.prefix.length)) ? target + file.slice(shard.prefix.length) : undefined;
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
