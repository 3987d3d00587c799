import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type { ResolvedConfig } from '../config/types.js';
import type { BuildReport } from '../report/types.js';
import { reviewWarnDays } from '../rules/review-due.js';
import type { TemplateSet } from '../templates/brand.js';
import { writeAtomic } from './atomic.js';
import { MANIFEST, mergeManifest, readManifest, serialiseManifest } from './manifest.js';

/**
 * Writes `manifest.json` and `index.html` when what they say changed (or they are missing), so a
 * rebuild with nothing to do touches no file and loads no template (`templates` is asked for
 * only when the catalog is written).
 */
export async function writeIndexes(
  config: ResolvedConfig,
  report: BuildReport,
  templates: () => Promise<{ templates: TemplateSet; liquid: Liquid }>,
): Promise<void> {
  const catalogFile = path.join(config.out, 'index.html');
  const previous = readManifest(config.out);
  const manifest = mergeManifest(previous.manifest, report, config.root);
  const text = serialiseManifest(manifest);
  const same = previous.text === text;
  if (same && existsSync(catalogFile)) return;
  if (!same) writeAtomic(path.join(config.out, MANIFEST), text);
  const [{ renderCatalog }, tools] = await Promise.all([import('./catalog.js'), templates()]);
  writeAtomic(
    catalogFile,
    renderCatalog(manifest, tools.templates, tools.liquid, config.out, config.root, {
      today: config.today,
      warnDays: reviewWarnDays(config.rules),
      lang: config.lang,
    }),
  );
}
