import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BuildReport } from '../report/types.js';
import { writeAtomic } from '../write/atomic.js';
import { MANIFEST, mergeManifest, readManifest, serialiseManifest } from '../write/manifest.js';
import type { Session } from './session.js';
import { reviewWarnDays } from '../rules/review-due.js';

/**
 * Writes `manifest.json` and `index.html` when what they say changed (or they are missing), so a
 * rebuild with nothing to do touches no file and loads no template.
 */
export async function writeIndexes(session: Session, report: BuildReport): Promise<void> {
  const { config } = session;
  const catalogFile = path.join(config.out, 'index.html');
  const previous = readManifest(config.out);
  const manifest = mergeManifest(previous.manifest, report, config.root);
  const text = serialiseManifest(manifest);
  const same = previous.text === text;
  if (same && existsSync(catalogFile)) return;
  if (!same) writeAtomic(path.join(config.out, MANIFEST), text);
  const [{ renderCatalog }, tools] = await Promise.all([import('../write/catalog.js'), session.loadTools()]);
  writeAtomic(catalogFile, renderCatalog(manifest, tools.templates, tools.liquid, config.out, config.root, { today: config.today, warnDays: reviewWarnDays(config.rules) }));
}
