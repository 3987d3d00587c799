import { VFile } from 'vfile';
import { sha256 } from '../core/hash.js';
import type { DocumentRef } from '../core/document.js';
import type { PreparedDocument } from './document.js';
import { hasErrors, warn } from '../core/diagnostics.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { parseMarkdown } from '../parse/markdown.js';
import { checkDirectives } from './directives.js';
import { checkNesting, checkSourceSize } from './limits.js';
import { inlineImages, type ResolveAsset } from './images.js';
import { expandIncludes, type ResolveInclude } from './includes.js';
import { collectSlideDirectives } from './slide-directives.js';
import { checkSlideLayouts } from './slide-layouts.js';

export interface PrepareContext {
  resolveInclude: ResolveInclude;
  resolveAsset: ResolveAsset;
  /** Language of documents whose front matter names none. */
  defaultLang: string;
  /** Languages that have template text; others fall back with a warning. */
  languages: readonly string[];
  /** Slide classes the theme defines: the ones content may pick with a `class` directive. */
  slideClasses: readonly string[];
  /** Slide layouts the theme offers (its `layout-<name>` classes): the ones `:::slide{layout=...}` may name. */
  slideLayouts: readonly string[];
}

/**
 * Pure: parse and transform one document. All I/O it needs comes in through `context`.
 * Returns the VFile with every diagnostic, and the prepared document unless an error was found.
 */
export function prepareDocument(
  ref: DocumentRef,
  text: string,
  context: PrepareContext,
): { file: VFile; document?: PreparedDocument } {
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

  const lang = meta?.lang ?? context.defaultLang;
  const base = lang.split('-')[0] as string;
  if (meta && !context.languages.includes(lang) && !context.languages.includes(base)) {
    warn(file, `No template text for language \`${lang}\`; the handout's labels are in English`, {
      place: { line: 1, column: 1 },
      ruleId: 'lang-templates',
    });
  }
  if (!meta || hasErrors(file)) return { file };
  const deps = new Map([...[...texts].map(([name, content]) => [name, sha256(content)] as const), ...images]);
  return { file, document: { ref, file, meta, lang, tree, metaPlaces: places, texts, deps } };
}
