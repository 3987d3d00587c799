import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Where `@sparticuz/chromium` unpacked its headless shell, remembered between runs. Importing the
 * package costs about 0.2 s (its unpacking code and dependencies) on every build that starts the
 * browser, only to hear the same path again: so the path it gave is written to a note of this
 * user's, for this version of the package, and read back the next time. The note is trusted only
 * when this user owns it and the path it names is still there and executable (checked by the
 * caller); anything else, and the package is asked again.
 */
const note = (version: string) => path.join(tmpdir(), `handouts-${process.getuid?.() ?? 'user'}-sparticuz-${version}.json`);

/** The installed package's version, read without importing it; undefined when it is not installed. */
export function packageVersion(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('@sparticuz/chromium/package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

export function rememberedPath(version: string): string | undefined {
  try {
    const file = note(version);
    if (process.getuid && statSync(file).uid !== process.getuid()) return undefined;
    const { executablePath } = JSON.parse(readFileSync(file, 'utf8')) as { executablePath?: unknown };
    return typeof executablePath === 'string' ? executablePath : undefined;
  } catch {
    return undefined;
  }
}

export function rememberPath(version: string, executablePath: string): void {
  try {
    writeFileSync(note(version), JSON.stringify({ executablePath }), { mode: 0o600 });
  } catch {
    // Only a shortcut: without it the package is asked each time.
  }
}
