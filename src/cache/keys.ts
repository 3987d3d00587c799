import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ResolvedConfig } from '../config/types.js';
import type { OutputFormat } from '../formats/format.js';
import { VERSION } from '../core/version.js';
import { sha256, treeSha256 } from '../core/hash.js';

/*
 * Cache keys. Everything here reads raw bytes with Node's own modules (and `yaml` for one field),
 * so a rebuild with nothing to do can decide so without loading the rendering stack.
 */


/**
 * A fingerprint of `templates/`: every file's path and bytes, plus the name and version of the
 * font package the brand names (its files are fixed for a version).
 */
export function templatesFingerprint(dir: string, root: string): string {
  const hash = createHash('sha256').update(treeSha256(dir));
  try {
    const brand = parse(readFileSync(path.join(dir, 'brand.yaml'), 'utf8')) as { font?: { package?: string } };
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
 * shaping its bytes, and the browser that renders it when it needs one.
 */
export function formatKey(documentHash: string, format: OutputFormat, config: ResolvedConfig, browser: string): string {
  const settings = JSON.stringify(format.settings(config));
  return sha256(`${documentHash}\0${format.id}\0${settings}\0${format.browser ? browser : ''}`);
}

