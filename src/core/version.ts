import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The tool's version, from its package.json (part of every cache key and PDF's creator field). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The brand and templates a project without its own `templates/` folder builds with. */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
