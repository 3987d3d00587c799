import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures');

/**
 * A throw-away project folder: the named fixture's files (content/, config) plus, unless the
 * fixture has its own, the repository's templates/. Removed by `cleanup()`.
 */
export function tempProject(fixture?: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'handouts-test-'));
  if (fixture) cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  else cpSync(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
  cpSync(path.join(REPO, 'templates'), path.join(dir, 'templates'), { recursive: true, force: false, errorOnExist: false });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
