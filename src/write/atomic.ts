import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../core/errors.js';

/**
 * Fails early, before anything is rendered, when the output folder cannot be written: a build
 * should not spend minutes rendering to then lose the results.
 */
export function ensureWritable(dir: string): void {
  writeAtomic(path.join(dir, '.handouts-write-check'), '');
  rmSync(path.join(dir, '.handouts-write-check'), { force: true });
}

/**
 * Writes a file so that readers only ever see the old complete file or the new complete one:
 * the bytes go to a temporary file in the same folder, which is then renamed over the target.
 * A folder that cannot be written is an environment error (exit 3).
 */
export function writeAtomic(file: string, content: Uint8Array | string): void {
  const dir = path.dirname(file);
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is the problem; there is no temporary file to remove.
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'ENOTDIR') {
      throw new EnvironmentError(`Cannot write \`${file}\`: ${code === 'ENOSPC' ? 'the disk is full' : (error as Error).message}`, {
        hint: 'Check that the output folder (--out) is writable and has free space.',
        cause: error,
      });
    }
    throw error;
  }
}
