/**
 * The template files each family of formats is made from, relative to `templates/`: what a format
 * declares as its own (OutputFormat.templateFiles) and reads when it is built. A project's folder
 * may hold any of them; the others come from the built-in templates.
 */
export const HANDOUT_FILES = { page: 'handout/handout.liquid', css: 'handout/handout.css', largePrint: 'handout/large-print.css' } as const;
export const BROCHURE_FILES = { page: 'brochure/brochure.liquid', css: 'brochure/brochure.css' } as const;
/** The Marp theme every slide format is drawn with. */
export const SLIDE_THEME = 'slides/theme.css';

/**
 * Files the content checks read too (the theme's slide classes and layouts, for `class` and
 * `layout` on slides): they shape every document's verdicts, so they stay in every output's key.
 */
export const READ_BY_CHECKS: readonly string[] = [SLIDE_THEME];
