import { z } from 'zod';
import type { LanguageProblem } from '../core/lang.js';
import type { EmbeddedFonts } from './fonts.js';
import type { DocumentFonts } from './script-fonts.js';
import type { PlainWordList } from './plain-words.js';

const color = z.string().regex(/^#[0-9a-fA-F]{3,8}$/, 'must be a hex colour such as `#1d4e89`');

const fontSchema = z.strictObject({
  family: z.string().min(1),
  /** A Fontsource package; its 400, 700 and italic faces are embedded. */
  package: z.string().min(1),
});

/** `templates/brand.yaml`: one brand for the handout and the slide theme. */
export const brandSchema = z.strictObject({
  clinic: z.string().min(1),
  tagline: z.string().default(''),
  logo: z.string().min(1),
  logo_alt: z.string().min(1),
  contact: z.string().default(''),
  colors: z.strictObject({
    primary: color,
    accent: color,
    text: color,
    muted: color,
    surface: color,
    notice: color,
    notice_border: color,
  }),
  font: fontSchema,
  /**
   * Fonts for scripts the brand font lacks, by ISO 15924 script code (`Arab`, `Hebr`): embedded
   * only in documents whose language is written in that script.
   */
  script_fonts: z.record(z.string().regex(/^[A-Z][a-z]{3}$/, 'must be a script code such as `Arab`'), fontSchema).default({
    Arab: { family: 'Noto Sans Arabic', package: '@fontsource/noto-sans-arabic' },
    Hebr: { family: 'Noto Sans Hebrew', package: '@fontsource/noto-sans-hebrew' },
  }),
});

export type Brand = z.infer<typeof brandSchema>;

/** Template text for one language (`templates/i18n/<lang>.yaml`). */
export const stringsSchema = z.strictObject({
  page_of: z.string().includes('{page}').includes('{pages}'),
  reviewed: z.string(),
  review_due: z.string(),
  sources: z.string(),
  written_by: z.string(),
  experimental_title: z.string(),
  experimental_body: z.string(),
  draft_title: z.string(),
  draft_body: z.string(),
  disclaimer_title: z.string(),
  disclaimer: z.string().min(1),
  slide_sources: z.string(),
  slide_of: z.string(),
  deck_label: z.string(),
  notes_label: z.string(),
  /** The brand's tagline and contact line in this language, when brand.yaml's are in another. */
  clinic_tagline: z.string().optional(),
  clinic_contact: z.string().optional(),
  machine_translated_title: z.string(),
  machine_translated_body: z.string(),
  brochure_contact_title: z.string(),
  qr_caption: z.string(),
  /** Presenting from `slides.html`: the key list (`?`) and the presenter view (`P`). */
  help_title: z.string(),
  help_next: z.string(),
  help_previous: z.string(),
  help_first: z.string(),
  help_last: z.string(),
  help_jump: z.string(),
  help_pointer: z.string(),
  help_fullscreen: z.string(),
  help_notes: z.string(),
  help_presenter: z.string(),
  help_timer: z.string(),
  help_help: z.string(),
  help_close: z.string(),
  /** Key names as printed on this language's keyboards. */
  key_space: z.string(),
  key_enter: z.string(),
  key_page_up: z.string(),
  key_page_down: z.string(),
  key_backspace: z.string(),
  key_home: z.string(),
  key_end: z.string(),
  key_escape: z.string(),
  presenter_title: z.string(),
  presenter_next: z.string(),
  presenter_end: z.string(),
  presenter_timer: z.string(),
});

export type Strings = z.infer<typeof stringsSchema>;

/**
 * Everything under `templates/`, shared by every document of a build. Each file falls back on its
 * own: a project's folder may hold only `brand.yaml`, or one language's text, and every other
 * file comes from the built-in templates. Files a format needs are read when it is built.
 */
export interface TemplateSet {
  brand: Brand;
  /** The logo as a `data:` URL. */
  logo: string;
  /** The fonts in both forms: inline for files people open, linked for pages printed to PDF. */
  fonts: EmbeddedFonts;
  /** The fonts a document in `lang` needs: the brand's, plus its script's when the brand lacks it. */
  fontsFor: (lang: string) => DocumentFonts;
  /** A template file's text (`handout/handout.liquid`): the project's, else the built-in one; read once. */
  text: (file: string) => string;
  /** The slide classes the theme defines (`title`, `closing`, ...). */
  readonly slideClasses: readonly string[];
  /** The layouts the theme offers (its `layout-<name>` classes, by name), for `:::slide{layout=...}`. */
  readonly slideLayouts: readonly string[];
  strings: Readonly<Record<string, Strings>>;
  /** Medical and formal terms with everyday words to say instead, of a language (`plain-words` rule); read on first use. */
  plainWordsFor: (lang: string) => PlainWordList | undefined;
  /** Languages whose template text file is incomplete, with where: their documents fail. */
  languageProblems: Readonly<Record<string, readonly LanguageProblem[]>>;
}
