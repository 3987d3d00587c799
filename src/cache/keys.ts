import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ResolvedConfig } from '../config/types.js';
import { VERSION } from '../version.js';

/*
 * Cache keys. Everything here reads raw bytes with Node's own modules (and `yaml` for one field),
 * so a rebuild with nothing to do can decide so without loading the rendering stack.
 */

export function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** sha256 of a file's bytes, or undefined when it cannot be read. */
export function fileSha256(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * A fingerprint of `templates/`: every file's path and bytes, plus the name and version of the
 * font package the brand names (its files are fixed for a version).
 */
export function templatesFingerprint(dir: string, root: string): string {
  const hash = createHash('sha256');
  for (const file of walk(dir)) hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
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

/** What every output of the build shares: the tool, templates, and the settings that shape outputs or verdicts. */
export function baseKey(config: ResolvedConfig, templates: string): string {
  const settings = { paper: config.paper, lang: config.lang, strict: config.strict, rules: config.rules };
  return sha256(`handouts ${VERSION}\0${toolFingerprint()}\0${templates}\0${JSON.stringify(settings)}`);
}

let tool: string | undefined;

/**
 * The tool's own code (the compiled folder this module sits in, and the deck script), so a
 * changed renderer rebuilds outputs even before its version number moves. A few hundred kB: a
 * few milliseconds.
 */
function toolFingerprint(): string {
  if (tool) return tool;
  const hash = createHash('sha256');
  const code = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  for (const dir of [code, path.join(code, '../src/slides/client')]) {
    for (const file of walk(dir)) {
      if (/\.(js|ts)$/.test(file)) hash.update(path.relative(code, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  tool = hash.digest('hex');
  return tool;
}

/** The content hash of a document: the base key and the bytes of every file it is made from. */
export function documentKey(base: string, deps: Iterable<[string, string]>): string {
  const lines = [...deps].sort(([a], [b]) => a.localeCompare(b)).map(([file, hash]) => `${file}\0${hash}`);
  return sha256(`${base}\n${lines.join('\n')}`);
}

/** The key of one output: its document's key and the format. */
export function formatKey(documentHash: string, format: string): string {
  return sha256(`${documentHash}\0${format}`);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : entry.isFile() ? [full] : [];
    });
}
