import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { FrontMatter } from '../parse/schema.js';
import type { Place } from './diagnostics.js';

/** A document found under `content/`, before it is read. */
export interface DocumentRef {
  /** Absolute path of the source. */
  path: string;
  /** Path relative to the project root, as shown in messages (`content/multiple-sclerosis.md`). */
  source: string;
  /** Output folder name: the file name without `.md`. */
  slug: string;
}

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
  /** sha256 of every file the outputs depend on (source, partials, images), by project-relative path. */
  deps: ReadonlyMap<string, string>;
}
