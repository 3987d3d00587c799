import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256 } from '../core/hash.js';
import { VERSION } from '../core/version.js';

/**
 * A long template file's validated value, remembered between runs by the hash of its text and the
 * tool's version: reading and validating a word list's YAML with positions takes about 0.15 s,
 * reading the same value back as JSON well under a millisecond. The note is this user's (others'
 * are not trusted) and is written only after the text validated, so a note is always a value the
 * schema accepted for exactly that text. Anything unreadable, and the file is read as YAML again.
 */
export function rememberedValue<T>(text: string, parse: () => T | undefined): T | undefined {
  const note = path.join(tmpdir(), `handouts-${process.getuid?.() ?? 'user'}-${sha256(`${VERSION}\n${text}`).slice(0, 32)}.json`);
  try {
    if (!process.getuid || statSync(note).uid === process.getuid()) return JSON.parse(readFileSync(note, 'utf8')) as T;
  } catch {
    // not remembered yet
  }
  const value = parse();
  if (value !== undefined) {
    try {
      writeFileSync(note, JSON.stringify(value), { mode: 0o600 });
    } catch {
      // Only a shortcut.
    }
  }
  return value;
}
