import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { FrontMatter } from './content/front-matter.js';

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
  /** Project-relative paths of every partial it includes, for hashing. */
  includes: string[];
}
