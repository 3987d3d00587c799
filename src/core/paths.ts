import path from 'node:path';

/** A path with forward slashes, as messages, reports and manifests show it on every system. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** True when `file` lies inside `dir` (not `dir` itself). */
export function within(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
