import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { DocumentRef } from '../core/document-ref.js';
import type { Place } from '../core/diagnostics.js';
import type { FrontMatter } from '../parse/schema.js';

/** A document after parse and transform: valid front matter, includes expanded, images inline. */
export interface PreparedDocument {
  ref: DocumentRef;
  file: VFile;
  meta: FrontMatter;
  lang: string;
  /** The full tree, audience blocks (`:::slide`, `:::handout`, `:::notes`) still in place. */
  tree: Root;
  /** Where each front-matter key is written. */
  metaPlaces: Record<string, Place>;
  /** The text of the document and of every partial it includes, by project-relative path. */
  texts: ReadonlyMap<string, string>;
  /** For a translation: the document it is made from and that document's `reviewed` date. */
  translation?: { source: string; reviewed?: string };
  /** sha256 of every file the outputs depend on (source, partials, images), by project-relative path. */
  deps: ReadonlyMap<string, string>;
}
