import { VFile } from 'vfile';
import { sha256 } from '../core/hash.js';
import type { DocumentRef } from '../core/document-ref.js';
import type { PreparedDocument } from './prepared.js';
import { hasErrors } from '../core/diagnostics.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { parseMarkdown } from '../parse/markdown.js';
import { checkDirectives } from './directives.js';
import { documentLanguage, type LanguageContext } from './language.js';
import { checkNesting, checkSourceSize } from './limits.js';
import { inlineImages, type ResolveAsset } from './images.js';
import { expandIncludes, type ResolveInclude } from './includes.js';
import { collectSlideDirectives } from './slide-directives.js';
import { checkSlideLayouts } from './slide-layouts.js';
import { translationOf } from './translation.js';
import type { TranslationSource } from '../core/lookups.js';

export interface PrepareContext extends LanguageContext {
  resolveInclude: ResolveInclude;
  resolveAsset: ResolveAsset;
  /** The source of a translation (same slug at the top of `content/`), when there is one. */
  translationSource?: TranslationSource;
  /** Slide classes the theme defines: the ones content may pick with a `class` directive. */
  slideClasses: readonly string[];
  /** Slide layouts the theme offers (its `layout-<name>` classes): the ones `:::slide{layout=...}` may name. */
  slideLayouts: readonly string[];
}

/**
 * Pure: parse and transform one document. All I/O it needs comes in through `context`.
 * Returns the VFile with every diagnostic, and the prepared document unless an error was found.
 */
export function prepareDocument(ref: DocumentRef, text: string, context: PrepareContext): { file: VFile; document?: PreparedDocument; lang?: string } {
  const file = new VFile({ path: ref.source, value: text });
  if (!checkSourceSize(text, file)) return { file };
  const tree = parseMarkdown(text);
  const { meta, places } = readFrontMatter(tree, file);
  const texts = new Map<string, string>([[ref.source, text]]);
  const resolveInclude: ResolveInclude = (src, from) => {
    const found = context.resolveInclude(src, from);
    if (found.ok) texts.set(found.file, found.text);
    return found;
  };
  expandIncludes(tree, file, resolveInclude, ref.source);
  checkDirectives(tree, file);
  checkSlideLayouts(tree, file, context.slideLayouts);
  checkNesting(tree, file);
  const images = new Map<string, string>();
  const onRead = (image: string, hash: string) => images.set(image, hash);
  inlineImages(tree, file, context.resolveAsset, ref.source, onRead);
  collectSlideDirectives(tree, file, { classes: context.slideClasses, resolveAsset: context.resolveAsset, self: ref.source, onRead });
  tree.children = tree.children.filter((child) => child.type !== 'yaml');

  const lang = documentLanguage(ref, meta?.lang, places.lang, file, context);
  if (!meta || hasErrors(file)) return { file, lang };
  const translation = translationOf(ref, lang, context.defaultLang, context.translationSource);
  const deps = new Map([...[...texts].map(([name, content]) => [name, sha256(content)] as const), ...images]);
  if (translation) deps.set(translation.source, sha256(translation.text));
  const document: PreparedDocument = { ref, file, meta, lang, tree, metaPlaces: places, texts, deps };
  if (translation) document.translation = { source: translation.source, reviewed: translation.reviewed };
  return { file, document, lang };
}
