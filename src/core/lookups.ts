/*
 * The lookups the pure stages ask the I/O edge (src/discover/resolvers.ts) for: included files,
 * images and link targets, all confined to the content folder. Tests pass in-memory ones.
 */

/** What the I/O edge answers when asked for an included file. */
export type IncludeLookup = { ok: true; file: string; text: string } | { ok: false; file: string; reason: 'missing' | 'outside' };

/**
 * Resolves `src` as written in `from` (both project-relative paths). Injected so that this stage
 * stays pure: the build passes a reader confined to `content/`, tests pass a map.
 */
export type ResolveInclude = (src: string, from: string) => IncludeLookup;

export type AssetLookup =
  | { ok: true; dataUrl: string /** The file read, with its sha256, for the build cache. */; file?: string; sha256?: string }
  | { ok: false; reason: 'missing' | 'outside' | 'remote' | 'unsupported' | 'large' | 'malformed'; detail: string };

/** Answers an image URL as written in a file (project-relative). Injected by the I/O edge. */
export type ResolveAsset = (url: string, from: string) => AssetLookup;

/** Answers whether a relative link target exists inside the content folder. */
export type LinkTarget = (url: string, from: string) => 'ok' | 'missing' | 'outside';

/** The rule that reports an image that could not be used, by why. */
export const IMAGE_RULES: Record<Extract<AssetLookup, { ok: false }>['reason'], string> = {
  missing: 'image-missing',
  malformed: 'image-missing',
  outside: 'image-outside',
  remote: 'image-remote',
  unsupported: 'image-type',
  large: 'too-large',
};

/**
 * The document a translation is made from: `content/<slug>.md` for `content/<lang>/<slug>.md`
 * (linked by slug). Undefined when there is none.
 */
export type TranslationSource = (ref: { folder?: string; slug: string }) => { source: string; text: string } | undefined;
