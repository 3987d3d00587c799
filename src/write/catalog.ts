import type { Liquid } from 'liquidjs';
import path from 'node:path';
import type { TemplateSet } from '../templates/brand.js';
import { toPosix } from '../discover/documents.js';
import type { Manifest } from './manifest.js';
import type { ResolvedConfig } from '../config/types.js';
import { createLiquid } from '../templates/liquid.js';
import { loadTemplates } from '../templates/load.js';

const LABELS: Record<string, { label: string; unit: string }> = {
  'handout-pdf': { label: 'Handout (PDF)', unit: 'pages' },
  'handout-html': { label: 'Handout (web page)', unit: 'pages' },
  'slides-pdf': { label: 'Slides (PDF)', unit: 'pages' },
  'slides-html': { label: 'Slides (present)', unit: 'slides' },
};

/** Pure: `output/index.html`, a page linking every file of every document in the manifest. */
export function renderCatalog(manifest: Manifest, templates: TemplateSet, liquid: Liquid, outDir: string, root: string): string {
  const documents = manifest.documents.map((doc) => ({
    ...doc,
    errors: doc.diagnostics.filter((d) => d.severity === 'error').length,
    review_problem: doc.diagnostics.find((d) => d.rule === 'review-due')?.message,
    links: doc.outputs.map((output) => ({
      href: toPosix(path.relative(outDir, path.join(root, output.file))),
      pages: output.pages,
      ...(LABELS[output.format] ?? { label: output.format, unit: 'pages' }),
    })),
  }));
  return liquid.parseAndRenderSync(templates.catalogTemplate, {
    brand: templates.brand,
    logo: templates.logo,
    font_css: templates.fonts.inline,
    documents,
  });
}

/** Renders the catalog with the build's templates, loading them only when this run built nothing. */
export function renderCatalogFile(manifest: Manifest, config: ResolvedConfig, loaded?: { templates: TemplateSet; liquid: Liquid }): string {
  const { templates, liquid } = loaded ?? { templates: loadTemplates(config.templates, config.root), liquid: createLiquid() };
  return renderCatalog(manifest, templates, liquid, config.out, config.root);
}
