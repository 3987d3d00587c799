import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config/schema.js';
import { VERSION } from '../version.js';

/**
 * The content hash of a document: everything that shapes its outputs (its source, each partial
 * it includes, the templates and brand, the settings that change rendering, the tool's version).
 */
export function documentHash(
  texts: ReadonlyMap<string, string>,
  templatesHash: string,
  config: Pick<ResolvedConfig, 'paper' | 'lang'>,
): string {
  const hash = createHash('sha256');
  hash.update(`handouts ${VERSION}\0`).update(templatesHash).update('\0');
  hash.update(JSON.stringify({ paper: config.paper, lang: config.lang })).update('\0');
  for (const [file, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(file).update('\0').update(text).update('\0');
  }
  return hash.digest('hex');
}

export function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}
