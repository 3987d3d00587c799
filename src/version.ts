import { readFileSync } from 'node:fs';

/** The tool's version, from its package.json (part of every cache key and PDF's creator field). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
