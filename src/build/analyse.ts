import { checkDocument, type Readability } from '../checks/index.js';
import type { LinkTarget } from '../checks/content.js';
import type { ResolvedConfig } from '../config/types.js';
import type { DocumentRef, PreparedDocument } from '../document.js';
import { hasErrors } from '../parse/diagnostics.js';
import type { TemplateSet } from '../templates/brand.js';
import { stringsFor } from '../templates/strings.js';
import type { ResolveAsset } from '../transform/images.js';
import type { ResolveInclude } from '../transform/includes.js';
import { prepareDocument } from '../transform/prepare.js';
import type { VFile } from 'vfile';
import path from 'node:path';
import { toPosix } from '../discover/documents.js';

export interface AnalyseContext {
  config: ResolvedConfig;
  templates: TemplateSet;
  resolveInclude: ResolveInclude;
  resolveAsset: ResolveAsset;
  linkTarget: LinkTarget;
  /** The document's rendered handout page, when a handout is made. */
  handoutHtml?: (doc: PreparedDocument) => string;
}

export interface Analysed {
  file: VFile;
  document?: PreparedDocument;
  readability?: Readability;
  /** True when an error means the document must not be rendered. */
  failed: boolean;
}

/** Parse, transform and the content rules: what `check` runs, and what `build` runs before rendering. */
export function analyseDocument(ref: DocumentRef, text: string, context: AnalyseContext): Analysed {
  const { config, templates } = context;
  const { file, document } = prepareDocument(ref, text, {
    resolveInclude: context.resolveInclude,
    resolveAsset: context.resolveAsset,
    defaultLang: config.lang,
    languages: Object.keys(templates.strings),
  });
  if (!document) return { file, failed: true };
  const readability = checkDocument(document, {
    rules: config.rules,
    strict: config.strict,
    today: config.today,
    linkTarget: context.linkTarget,
    handoutHtml: context.handoutHtml && (() => context.handoutHtml!(document)),
    disclaimer: stringsFor(templates, document.lang).strings.disclaimer,
    handoutTemplate: toPosix(path.relative(config.root, path.join(config.templates, 'handout/handout.liquid'))),
  });
  return { file, document, readability, failed: hasErrors(file) };
}
