import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ResolvedConfig } from '../config/types.js';
import type { OutputFormat } from '../formats/format.js';
import { sha256, treeSha256, walkFiles } from '../core/hash.js';
import { toPosix } from '../core/paths.js';
import { BUILT_IN_TEMPLATES, VERSION } from '../core/version.js';

/*
 * Cache keys. Everything here reads raw bytes with Node's own modules (and `yaml` for one field),
 * so a rebuild with nothing to do can decide so without loading the rendering stack.
 */

/**
 * Every template file in effect, by its path under `templates/`: the project's where it has the
 * file, else the built-in one (see templates/load.ts).
 */
export function templateFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const base of [dir, BUILT_IN_TEMPLATES]) {
    for (const file of walkFiles(base)) {
      const relative = toPosix(path.relative(base, file));
      if (!files.has(relative)) files.set(relative, file);
    }
  }
  return files;
}

/** One hash over the paths and bytes of the named template files (those in effect). */
export function filesFingerprint(files: ReadonlyMap<string, string>, names: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const name of [...new Set(names)].sort()) {
    const file = files.get(name);
    hash
      .update(name)
      .update('\0')
      .update(file ? readFileSync(file) : 'missing')
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * A fingerprint of the template files every document shares (brand, logo, template text, word
 * lists, catalog: every file no format declares as its own), plus the name and version of the font
 * package the brand names (its files are fixed for a version). A format's own files are in its key
 * instead, so changing the brochure's CSS rebuilds the brochures alone.
 */
export function templatesFingerprint(files: ReadonlyMap<string, string>, root: string, formatsOwn: ReadonlySet<string>): string {
  const hash = createHash('sha256').update(
    filesFingerprint(
      files,
      [...files.keys()].filter((name) => !formatsOwn.has(name)),
    ),
  );
  try {
    const brand = parse(readFileSync(files.get('brand.yaml')!, 'utf8')) as { font?: { package?: string } };
    const name = brand?.font?.package;
    if (name) {
      for (const base of [path.join(root, 'package.json'), import.meta.url]) {
        try {
          hash.update(readFileSync(createRequire(base).resolve(`${name}/package.json`)));
          break;
        } catch {
          // try the next place
        }
      }
    }
  } catch {
    // A broken brand file is reported when the templates are loaded; it just makes no cache hit.
    hash.update('unreadable brand');
  }
  return hash.digest('hex');
}

/**
 * What every output of the build shares: the tool, templates, and the settings that shape every
 * document or its verdicts. Settings that shape one format's bytes are in that format's key.
 */
export function baseKey(config: ResolvedConfig, templates: string): string {
  const settings = { lang: config.lang, strict: config.strict, rules: config.rules };
  return sha256(`handouts ${VERSION}\0${toolFingerprint()}\0${templates}\0${JSON.stringify(settings)}`);
}

let tool: string | undefined;

/**
 * The tool's own code, so a changed renderer rebuilds outputs even before its version number
 * moves. The bundled command reads the fingerprint its bundling wrote (scripts/bundle.mjs);
 * compiled modules hash their folder (the modules and the browser scripts they inline, not type
 * declarations): a few hundred kB, a few milliseconds.
 */
function toolFingerprint(): string {
  if (tool) return tool;
  const here = path.dirname(fileURLToPath(import.meta.url));
  try {
    tool = readFileSync(path.join(here, 'fingerprint.txt'), 'utf8').trim();
  } catch {
    tool = treeSha256(path.dirname(here), (file) => file.endsWith('.js') || (file.endsWith('.ts') && !file.endsWith('.d.ts')));
  }
  return tool;
}

/** The content hash of a document: the base key and the bytes of every file it is made from. */
export function documentKey(base: string, deps: Iterable<[string, string]>): string {
  const lines = [...deps].sort(([a], [b]) => a.localeCompare(b)).map(([file, hash]) => `${file}\0${hash}`);
  return sha256(`${base}\n${lines.join('\n')}`);
}

/**
 * The key of one output: its document's key, the format, every setting the format declares as
 * shaping its bytes, the browser that renders it when it needs one, and its own template files.
 */
export function formatKey(documentHash: string, format: OutputFormat, config: ResolvedConfig, browser: string, templates: string): string {
  const settings = JSON.stringify(format.settings(config));
  return sha256(`${documentHash}\0${format.id}\0${settings}\0${format.browser ? browser : ''}\0${templates}`);
}
