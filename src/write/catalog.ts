import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Liquid } from 'liquidjs';
import { renderTemplate } from '../templates/liquid.js';
import path from 'node:path';
import type { TemplateSet } from '../templates/brand.js';
import { toPosix } from '../core/paths.js';
import { reviewState, type ReviewState } from '../core/review.js';
import type { Manifest } from './manifest.js';
import type { DocumentReport } from '../report/types.js';
import { formatById } from '../formats/registry.js';

/** The catalog's filter script, shipped with the tool; read once when this module loads. */
const FILTER = readFileSync(new URL('./catalog-client/filter.js', import.meta.url), 'utf8');
if (/<\/script|<!--/i.test(FILTER)) throw new Error('catalog-client/filter.js must not contain `</script` or `<!--`: it is inlined');
const FILTER_HASH = createHash('sha256').update(FILTER).digest('base64');

/**
 * What the catalog allows: inline styles, `data:` fonts and images plus the pictures beside it
 * (`'self'` on a web server; `file:` when opened from disk, where browsers differ on whether
 * `'self'` matches), and no script but the filter script, named by its hash.
 */
const POLICY = `default-src 'none'; img-src 'self' file: data:; font-src data:; style-src 'unsafe-inline'; script-src 'sha256-${FILTER_HASH}'`;

/** The day the review states are judged on, and how many days before `review_due` one is due soon. */
export interface CatalogOptions {
  today: string;
  warnDays: number;
  /** The project's default language: its documents and its filter entry come first. Default `en`. */
  lang?: string;
}

/**
 * Pure: `output/index.html`, one card per document of the manifest: the pictures of its first page
 * and title slide, a link to every file, its reading grade, review dates and state, its problems,
 * and filters by condition, language and status. Every address is relative to `outDir`, so the
 * page works from `file://` and from a web server alike. The words are all in the template.
 */
export function renderCatalog(manifest: Manifest, templates: TemplateSet, liquid: Liquid, outDir: string, root: string, options: CatalogOptions): string {
  const href = (file: string) =>
    toPosix(path.relative(outDir, path.join(root, file)))
      .split('/')
      .map(encodeURIComponent)
      .join('/');
  // Translations sit together: by slug, the default language first, then the source (no language
  // folder), then the other languages by code.
  const first = options.lang ?? 'en';
  const byLanguage = (a: string, b: string) => Number(a !== first) - Number(b !== first) || a.localeCompare(b);
  const ordered = [...manifest.documents].sort(
    (a, b) =>
      a.slug.localeCompare(b.slug) ||
      Number(a.lang !== first) - Number(b.lang !== first) ||
      Number(isTranslation(a)) - Number(isTranslation(b)) ||
      byLanguage(a.lang, b.lang),
  );
  const documents = ordered.map((doc, index) => ({
    ...catalogEntry(doc, index, href, options),
    translations: ordered
      .filter((other) => other.slug === doc.slug && other !== doc)
      .map((other) => ({ lang: other.lang, name: languageName(other.lang), anchor: `doc-${ordered.indexOf(other) + 1}` })),
  }));
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));
  const count = (test: (doc: (typeof documents)[number]) => boolean) => documents.filter(test).length;
  return renderTemplate(liquid, templates.text('catalog.liquid'), {
    brand: templates.brand,
    logo: templates.logo,
    font_css: templates.fonts.inline,
    tool: manifest.tool,
    csp: POLICY,
    filter_script: FILTER,
    documents,
    conditions: distinct(documents.map((doc) => doc.condition)),
    languages: distinct(documents.map((doc) => doc.lang))
      .sort(byLanguage)
      .map((code) => ({ code, name: languageName(code) })),
    totals: {
      documents: documents.length,
      built: count((doc) => doc.status === 'built'),
      failed: count((doc) => doc.status === 'failed'),
      overdue: count((doc) => doc.review_state === 'overdue'),
      soon: count((doc) => doc.review_state === 'soon'),
    },
  });
}

/** One document as the template sees it: the manifest entry (older templates read it as it is) and what a card shows. */
/** A document in a language folder (`content/es/...`): a translation of the one with its slug at the top. */
function isTranslation(doc: DocumentReport): boolean {
  return doc.source.split('/').length > 2;
}

function catalogEntry(doc: DocumentReport, index: number, href: (file: string) => string, options: CatalogOptions) {
  const review: ReviewState = doc.reviewed ? reviewState(doc.reviewed, doc.review_due, options.today, options.warnDays) : 'none';
  const failed = doc.status === 'failed';
  const measured = doc.readability && 'grade' in doc.readability ? doc.readability : undefined;
  const ease = doc.readability && 'score' in doc.readability ? doc.readability : undefined;
  const outputs = doc.outputs.map((output) => {
    // A format no longer registered (an output left by an earlier version) is listed by its id.
    const format = formatById(output.format);
    return {
      href: href(output.file),
      pages: output.pages,
      label: format?.label ?? output.format,
      unit: format?.unit ?? 'pages',
      picture: format?.picture === true,
    };
  });
  return {
    ...doc,
    id: `doc-${index + 1}`,
    title: doc.title ?? doc.source,
    lang_name: languageName(doc.lang),
    failed,
    // Words the filter script matches one by one: the build status and the review state.
    states: [failed ? 'failed' : 'built', `review-${review}`].join(' '),
    review_state: review,
    reviewed_date: dateParts(doc.reviewed),
    review_due_date: dateParts(doc.review_due),
    // Figures only where a formula fits the language; otherwise the card says it was not measured.
    reading: measured,
    ease,
    reading_not_measured: Boolean(doc.readability) && !measured && !ease,
    over_target: measured ? measured.grade > measured.target : ease ? ease.score < ease.target : false,
    plain: plainSummary(doc),
    errors: doc.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: doc.diagnostics.filter((d) => d.severity === 'warning').length,
    problems: doc.diagnostics.map((d) => ({ ...d, location: `${d.file}:${d.line}:${d.column}` })),
    review_problem: doc.diagnostics.find((d) => d.rule === 'review-due')?.message,
    links: outputs,
    // Formats that failed in the last build while the document's others were made: why, and the previous file kept.
    failed_formats: (doc.failures ?? []).map((failure) => {
      const first = failure.diagnostics.find((d) => d.severity === 'error') ?? failure.diagnostics[0];
      return {
        label: formatById(failure.format)?.label ?? failure.format,
        message: first?.message ?? '',
        location: first ? `${first.file}:${first.line}:${first.column}` : '',
        kept_href: failure.kept ? href(failure.kept) : undefined,
      };
    }),
    // Pictures of the document, which the card shows: the formats that say their main file is one.
    thumbnails: outputs.filter((output) => output.picture),
  };
}

/** The plain-language rules' findings as a card says them, or nothing when the document was not checked. */
function plainSummary(doc: DocumentReport) {
  const plain = doc.plain_language;
  if (!plain) return undefined;
  return { words: plain.counts['plain-words'], passive: plain.counts['passive-voice'], long: plain.counts['long-sentence'], actions: plain.actions };
}

/** `2026-11-02` as the parts a template writes out (`November 2, 2026`, as the handouts do), months counted from 0. */
function dateParts(date: string | undefined): { iso: string; day: number; month: number; year: number } | undefined {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!date || !match) return undefined;
  return { iso: date, year: Number(match[1]), month: Number(match[2]) - 1, day: Number(match[3]) };
}

/** A language's own name for itself (`English`, `Español`), which reads the same whatever the page's language. */
function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}
