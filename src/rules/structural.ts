import type { StructuralRule } from './rule.js';

const structural = (id: string, description: string): StructuralRule => ({ id, stage: 'structure', severity: 'error', configurable: false, description });

/**
 * Problems the parse and transform stages report as they go. They always fail the document: it
 * cannot be built right until they are fixed. Listed here so every rule id has one description.
 */
export const STRUCTURAL_RULES: readonly StructuralRule[] = [
  structural('front-matter', 'YAML syntax, required fields, dates, unknown fields (with "did you mean")'),
  structural('include-missing', 'an included file exists'),
  structural('include-outside', 'an include stays inside `content/`'),
  structural('include-cycle', 'includes do not include themselves'),
  structural('image-missing', 'an image file exists'),
  structural('image-outside', 'an image stays inside `content/`'),
  structural('image-remote', 'images are files in `content/`, never URLs'),
  structural('image-type', 'images are PNG, JPEG, GIF, WebP or SVG'),
  structural('slide-layout', '`:::slide{layout=...}` names a layout the theme offers (other attributes and misplaced layouts are warnings)'),
  structural('directive-unknown', 'a misspelt `:::slides` is reported, not dropped'),
  structural('too-large', 'sources and images stay under the size limits'),
  structural('too-deep', 'lists and quotes nest at most 12 deep'),
  structural('render', 'the browser rendered the document'),
  {
    ...structural('slide-directive', 'Marp directives in content: only a theme class, paginate, header, footer and a background image from `content/`'),
    severity: 'warning',
  },
  structural('lang-templates', "the document's language has complete template text (every key of en.yaml)"),
];
