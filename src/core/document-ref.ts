/** A document found under `content/`, before it is read. */
export interface DocumentRef {
  /** Absolute path of the source. */
  path: string;
  /** Path relative to the project root, as shown in messages (`content/multiple-sclerosis.md`). */
  source: string;
  /** Output folder name: the file name without `.md`. */
  slug: string;
  /** The first folder under `content/` it sits in (`es` for `content/es/x.md`), if any. */
  folder?: string;
}
