import type { Liquid } from 'liquidjs';
import path from 'node:path';
import type { TemplateSet } from '../templates/brand.js';
import { toPosix } from '../core/paths.js';
import type { Manifest } from './manifest.js';
import { formatById } from '../formats/registry.js';

/** Pure: `output/index.html`, a page linking every file of every document in the manifest. */
export function renderCatalog(manifest: Manifest, templates: TemplateSet, liquid: Liquid, outDir: string, root: string): string {
  const documents = manifest.documents.map((doc) => ({
    ...doc,
    errors: doc.diagnostics.filter((d) => d.severity === 'error').length,
    review_problem: doc.diagnostics.find((d) => d.rule === 'review-due')?.message,
    links: doc.outputs.map((output) => ({
      href: toPosix(path.relative(outDir, path.join(root, output.file))),
      pages: output.pages,
      // A format no longer registered (an output left by an earlier version) is listed by its id.
      label: formatById(output.format)?.label ?? output.format,
      unit: formatById(output.format)?.unit ?? 'pages',
    })),
  }));
  return liquid.parseAndRenderSync(templates.catalogTemplate, {
    brand: templates.brand,
    logo: templates.logo,
    font_css: templates.fonts.inline,
    documents,
  });
}

