import path from 'node:path';
import { loadTemplates } from '../../src/templates/load.js';
import { createLiquid } from '../../src/templates/liquid.js';
import { REPO } from './project.js';

/** The repository's own templates, read once per test file. */
export const templates = loadTemplates(path.join(REPO, 'templates'), REPO);
export const liquid = createLiquid();
