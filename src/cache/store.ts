import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, DocumentReport } from '../report/types.js';
import { VERSION } from '../core/version.js';
import { writeAtomic } from '../write/atomic.js';
import { fileSha256 } from '../core/hash.js';

/** Where the cache lives: beside the outputs, so restoring `output/` in CI restores it too. */
export const CACHE_FILE = '.handouts-cache.json';

/** One file an output wrote, as it was when written. */
export interface CachedFile {
  /** Project-relative path. */
  file: string;
  sha256: string;
  size: number;
  mtimeMs: number;
}

/** What one format made for a document. */
export interface CachedOutput {
  format: string;
  /** The format key it was made for. */
  key: string;
  files: CachedFile[];
  pages?: number;
  /** What the page rules found on it; they still hold while the output is reused. */
  diagnostics: Diagnostic[];
}

export interface CacheEntry {
  /** The document key when it was last built. */
  hash: string;
  /** sha256 of every file it was made from, by project-relative path. */
  deps: Record<string, string>;
  /** Review state on the day it was built; when it changes the document is checked again. */
  review: string;
  /** The report of its last successful build. */
  report: DocumentReport;
  outputs: CachedOutput[];
}

interface CacheData {
  tool: string;
  entries: Record<string, CacheEntry>;
}

/**
 * The build cache: what each document was last built from, and the outputs that build wrote.
 * Nothing in it is trusted blindly: entries of the wrong shape are dropped, dependencies are
 * re-hashed, and outputs are checked on disk (size, then bytes when the time stamp moved).
 */
export class BuildCache {
  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  static load(outDir: string): BuildCache {
    const file = path.join(outDir, CACHE_FILE);
    const entries = new Map<string, CacheEntry>();
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheData;
      if (data?.tool === VERSION && data.entries && typeof data.entries === 'object') {
        for (const [source, entry] of Object.entries(data.entries)) if (isEntry(entry)) entries.set(source, entry);
      }
    } catch {
      // No cache, or an unreadable one: every document is built.
    }
    return new BuildCache(file, entries);
  }

  get(source: string): CacheEntry | undefined {
    return this.entries.get(source);
  }

  set(source: string, entry: CacheEntry): void {
    this.entries.set(source, entry);
  }

  save(): void {
    const sorted = Object.fromEntries([...this.entries].sort(([a], [b]) => a.localeCompare(b)));
    writeAtomic(this.file, `${JSON.stringify({ tool: VERSION, entries: sorted } satisfies CacheData)}\n`);
  }
}

/** The recorded dependencies still hold the same bytes. */
export function depsUnchanged(entry: CacheEntry, root: string): boolean {
  return Object.entries(entry.deps).every(([file, hash]) => fileSha256(path.join(root, file)) === hash);
}

/**
 * Every file of the output on disk is the one recorded. Same size and time stamp: trusted. Same
 * size, new time stamp (a CI cache restore): its bytes are hashed and compared. Anything else:
 * rebuilt.
 */
export function outputIntact(output: CachedOutput, root: string): boolean {
  return output.files.every((file) => fileIntact(file, root));
}

function fileIntact(output: CachedFile, root: string): boolean {
  const file = path.join(root, output.file);
  if (!existsSync(file)) return false;
  const stat = statSync(file);
  if (stat.size !== output.size) return false;
  if (stat.mtimeMs === output.mtimeMs) return true;
  return fileSha256(file) === output.sha256;
}

/** A structural check of an entry read from disk, before any of it is used. */
function isEntry(value: unknown): value is CacheEntry {
  const entry = value as CacheEntry;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.hash === 'string' &&
    typeof entry.review === 'string' &&
    typeof entry.deps === 'object' &&
    entry.deps !== null &&
    Object.values(entry.deps).every((hash) => typeof hash === 'string') &&
    typeof entry.report === 'object' &&
    entry.report !== null &&
    typeof entry.report.source === 'string' &&
    Array.isArray(entry.report.diagnostics) &&
    Array.isArray(entry.outputs) &&
    entry.outputs.every(
      (o) =>
        typeof o?.format === 'string' &&
        typeof o.key === 'string' &&
        Array.isArray(o.diagnostics) &&
        Array.isArray(o.files) &&
        o.files.length > 0 &&
        o.files.every((f) => typeof f?.file === 'string' && typeof f.sha256 === 'string' && typeof f.size === 'number' && typeof f.mtimeMs === 'number'),
    )
  );
}
