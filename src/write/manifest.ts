import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildReport, DocumentReport } from '../report/types.js';
import { VERSION } from '../core/version.js';

export const MANIFEST = 'manifest.json';

export interface Manifest {
  tool: { name: 'handouts'; version: string };
  documents: DocumentReport[];
  summary: { built: number; failed: number };
}

/** The previous manifest's text and data (undefined when there is none or it cannot be trusted). */
export function readManifest(outDir: string): { text?: string; manifest?: Manifest } {
  const file = path.join(outDir, MANIFEST);
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  try {
    const data = JSON.parse(text) as Manifest;
    return { text, manifest: Array.isArray(data.documents) ? data : undefined };
  } catch {
    return { text };
  }
}

/**
 * Merges this run into the previous manifest: documents built, skipped or failed now replace
 * their old entries; documents this run did not touch (a build of only some sources) keep theirs
 * while their source still exists. A failed document keeps listing its previous outputs, which
 * are left in place. No wall-clock time is written, so the same sources give the same bytes.
 */
export function mergeManifest(previous: Manifest | undefined, report: BuildReport, root: string): Manifest {
  const bySource = new Map<string, DocumentReport>();
  for (const doc of previous?.documents ?? []) {
    if (existsSync(path.join(root, doc.source))) bySource.set(doc.source, doc);
  }
  for (const doc of report.documents) {
    const old = bySource.get(doc.source);
    // A document that failed as a whole keeps listing its previous outputs; one with a failed format
    // lists its current outputs, and the failure names the previous file it kept.
    const wholly = doc.status === 'failed' && !doc.failures?.length;
    const outputs = wholly && old ? old.outputs.filter((o) => existsSync(path.join(root, o.file))) : doc.outputs;
    // The manifest describes the outputs on disk: current ones are `built`, whether made now or earlier.
    bySource.set(doc.source, { ...doc, status: doc.status === 'skipped' ? 'built' : doc.status, outputs });
  }
  const documents = [...bySource.values()].sort((a, b) => a.source.localeCompare(b.source));
  const count = (status: DocumentReport['status']) => documents.filter((d) => d.status === status).length;
  return {
    tool: { name: 'handouts', version: VERSION },
    documents,
    summary: { built: count('built'), failed: count('failed') },
  };
}

export function serialiseManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
