import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { createResolvers } from '../discover/resolvers.js';
import { toPosix } from '../core/paths.js';
import type { RenderTools } from '../formats/context.js';
import type { LinkTarget, ResolveAsset, ResolveInclude, TranslationSource } from '../core/lookups.js';
import { createLiquid } from '../templates/liquid.js';
import { loadTemplates } from '../templates/load.js';

/** The heavy, shared part of a session: loaded only when a document must be read or rendered. */
export interface Tools extends Omit<RenderTools, 'browser'> {
  resolveInclude: ResolveInclude;
  resolveAsset: ResolveAsset;
  linkTarget: LinkTarget;
  translationSource: TranslationSource;
  /** The templates folder as messages show it (`templates`). */
  templatesDir: string;
}

export function createTools(config: ResolvedConfig): Tools {
  const shown = path.relative(config.root, config.templates);
  return {
    config,
    templates: loadTemplates(config.templates, config.root),
    liquid: createLiquid(),
    ...createResolvers(config.content, config.root),
    templatesDir: shown.startsWith('..') ? toPosix(config.templates) : toPosix(shown),
  };
}
