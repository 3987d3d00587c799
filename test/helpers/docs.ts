import type { DocumentRef } from '../../src/core/document-ref.js';
import type { ResolveAsset } from '../../src/transform/images.js';
import type { ResolveInclude } from '../../src/transform/includes.js';
import { prepareDocument } from '../../src/transform/prepare.js';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Strings } from '../../src/templates/brand.js';
import { themeClasses, themeLayouts } from '../../src/templates/theme-classes.js';
import { REPO } from './project.js';

/** In-memory content folder: project-relative path -> text. */
export type Files = Record<string, string>;

export function mapResolver(files: Files): ResolveInclude {
  return (src, from) => {
    const file = path.posix.normalize(path.posix.join(path.posix.dirname(from), src));
    if (!file.startsWith('content/')) return { ok: false, file, reason: 'outside' };
    const text = files[file];
    return text === undefined ? { ok: false, file, reason: 'missing' } : { ok: true, file, text };
  };
}

export const noAssets: ResolveAsset = (url) => ({ ok: false, reason: 'missing', detail: `Image file not found: \`${url}\`` });

/** The layouts the repository's slide theme offers, read from it as a build reads them. */
const SLIDE_LAYOUTS = themeLayouts(themeClasses(readFileSync(path.join(REPO, 'templates/slides/theme.css'), 'utf8')));

export function prepare(source: string, files: Files, assets: ResolveAsset = noAssets, languages: readonly string[] = ['en']) {
  const ref: DocumentRef = { path: `/project/${source}`, source, slug: path.posix.basename(source, '.md') };
  return prepareDocument(ref, files[source] as string, {
    resolveInclude: mapResolver(files),
    resolveAsset: assets,
    defaultLang: 'en',
    languages: [...languages],
    slideClasses: ['title', 'closing'],
    slideLayouts: SLIDE_LAYOUTS,
  });
}

export const FRONT = `---
title: Test condition handout
condition: Test condition
summary: A short summary.
reviewed: 2026-11-02
review_due: 2027-11-02
status: experimental
sources:
  - title: A source
    url: https://example.org/source
---
`;

export function messages(file: { messages: { reason: string; line?: number; column?: number; ruleId?: string; fatal?: boolean | null; file?: string }[] }) {
  return file.messages.map((m) => ({ rule: m.ruleId, line: m.line, column: m.column, fatal: m.fatal, file: m.file, reason: m.reason }));
}

/** The repository's English template text, for rules that read it. */
export const TEST_STRINGS = parse(readFileSync(path.join(REPO, 'templates/i18n/en.yaml'), 'utf8')) as Strings;
