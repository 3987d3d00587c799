import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { toPosix } from '../core/paths.js';
import type { DocumentReport, OutputEntry } from '../report/types.js';
import { MANIFEST, readManifest } from './manifest.js';

/** An output folder a build wrote, read back: its manifest's documents, and where their files lie in it. */
export interface OutputFolder {
  /** As the user named it. */
  name: string;
  dir: string;
  documents: DocumentReport[];
  /** What its manifest's project-relative paths start with (`output/`): cut off, the rest lies in `dir`. */
  prefix: string;
}

/**
 * Reads the output folder of a build, wherever it lies now (a CI job's `output/` downloaded into
 * another folder). Not an output folder, or one that lacks the files its manifest lists, is a
 * usage error that says so.
 */
export function readOutputFolder(name: string, dir: string, root: string, hint: string): OutputFolder {
  const { manifest } = existsSync(dir) ? readManifest(dir) : {};
  if (!manifest) throw new UsageError(`\`${name}\` is not the output folder of a build: it has no readable ${MANIFEST}`, { hint });
  const files = filesOf(manifest.documents.flatMap((doc) => doc.outputs));
  const prefix = outputPrefix(files, dir, root);
  if (prefix === undefined) {
    throw new UsageError(`\`${name}\` does not hold the files its ${MANIFEST} lists (such as \`${files[0]}\`)`, {
      hint: 'Copy the whole output folder of the build, as it was written.',
    });
  }
  return { name, dir, documents: manifest.documents, prefix };
}

/** Where a file the manifest lists lies inside the folder. */
export function fileIn(folder: OutputFolder, file: string): string {
  return path.join(folder.dir, file.slice(folder.prefix.length));
}

/** A relative path with no `.`, `..` or empty segment: a file inside the folder it is read from. */
export function plainPath(file: string): boolean {
  return !path.isAbsolute(file) && !file.includes('\\') && file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Every file an output lists, main file first. */
export function filesOf(outputs: readonly OutputEntry[]): string[] {
  return [...new Set(outputs.flatMap((output) => [output.file, ...(output.files ?? [])]))];
}

/**
 * The start every listed path has in common that, cut off, leaves paths that exist inside `dir`:
 * the folder's own project-relative path when it was built where it lies, else the output
 * folder it was built into elsewhere (`output/` of a CI job whose output was downloaded here).
 */
function outputPrefix(files: readonly string[], dir: string, root: string): string | undefined {
  const here = toPosix(path.relative(root, dir));
  const [first] = files;
  if (first === undefined) return here ? `${here}/` : '';
  const segments = first.split('/');
  const candidates = [here ? `${here}/` : '', ...segments.slice(0, -1).map((_, i) => `${segments.slice(0, i).join('/')}${i ? '/' : ''}`)];
  const holds = (prefix: string, file: string) =>
    file.startsWith(prefix) && plainPath(file.slice(prefix.length)) && existsSync(path.join(dir, file.slice(prefix.length)));
  return candidates.find((prefix) => files.every((file) => holds(prefix, file)));
}
