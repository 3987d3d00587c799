import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { DiffReport, DocumentDiff, FormatDiff, PageChange } from './types.js';

/** The report loads its pictures from beside it and nothing else: no script, no address elsewhere. */
const POLICY = "default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'";

const STYLE = `
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; }
header, main { max-width: 1400px; margin: 0 auto; padding: 0 24px; }
h1 { margin: 24px 0 4px; } h2 { margin: 40px 0 4px; border-top: 2px solid #d0d7de; padding-top: 16px; }
h3 { margin: 24px 0 8px; } h4 { margin: 16px 0 8px; }
.summary { font-size: 1.25rem; font-weight: 700; margin: 0 0 8px; }
.meta { color: #4a5561; margin: 0; }
.pictures { display: flex; gap: 16px; flex-wrap: wrap; align-items: flex-start; }
figure { margin: 0; flex: 1 1 300px; max-width: 440px; }
figure img { width: 100%; height: auto; border: 1px solid #8a94a0; }
figcaption { font-weight: 700; }
.words { background: #f6f8fa; padding: 8px 12px; border-radius: 4px; }
del { background: #ffd7d5; color: #82071e; } ins { background: #ccffd8; color: #055d20; text-decoration: none; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The summary line: `3 documents changed: 5 pages`, or that nothing visible changed. */
export function summaryLine(report: DiffReport): string {
  const { documents, pages } = report.summary;
  if (!documents) return 'Nothing visible changed.';
  return `${plural(documents, 'document')} changed: ${plural(pages, 'page')}`;
}

/**
 * Pure: the review page of a diff (`index.html` of `--report DIR`): a summary, then each changed
 * document with, for each changed page, the pictures before and after and the difference side by
 * side, and the words taken out and put in. It opens from disk and loads nothing from elsewhere.
 */
export function diffReportHtml(report: DiffReport): string {
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charSet: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('meta', { httpEquiv: 'Content-Security-Policy', content: POLICY }),
        h('title', `What changed on the page: ${summaryLine(report)}`),
        h('style', STYLE),
      ]),
      h('body', [
        h('header', [
          h('h1', 'What changed on the page'),
          h('p.summary', summaryLine(report)),
          h('p.meta', ['Before: ', h('code', report.base), ' · after: ', h('code', report.head)]),
          report.documents.length
            ? h(
                'nav',
                { ariaLabel: 'Changed documents' },
                h(
                  'ul',
                  report.documents.map((doc, i) => h('li', [h('a', { href: `#doc-${i + 1}` }, doc.title), ` (${doc.lang}): ${documentLine(doc)}`])),
                ),
              )
            : h('p', 'The two folders show the same pages.'),
        ]),
        h(
          'main',
          report.documents.map((doc, i) => documentSection(doc, i + 1)),
        ),
      ]),
    ]),
  ]);
  return `${toHtml(tree)}\n`;
}

function documentLine(doc: DocumentDiff): string {
  if (doc.status !== 'changed') return `document ${doc.status}`;
  return plural(
    doc.formats.reduce((sum, f) => sum + f.changed.length, 0),
    'page',
  );
}

function documentSection(doc: DocumentDiff, n: number): ElementContent {
  const id = `doc-${n}`;
  return h('section', { id, ariaLabelledBy: `${id}-title` }, [
    h('h2', { id: `${id}-title`, lang: doc.lang, dir: 'auto' }, doc.title),
    h('p.meta', [h('code', doc.source), ` · ${doc.lang} · ${doc.status === 'changed' ? documentLine(doc) : `this document was ${doc.status}`}`]),
    ...doc.formats.map((format, f) => formatSection(format, `${id}-${f + 1}`, doc.lang)),
  ]);
}

function formatSection(format: FormatDiff, id: string, lang: string): ElementContent {
  const { base, head } = format.pages;
  const count = format.status === 'changed' && base !== head ? ` (${plural(head ?? 0, 'page')}, was ${base ?? 0})` : '';
  const title = format.status === 'changed' ? `${format.label}${count}` : `${format.label}: ${format.status}`;
  return h('section', { ariaLabelledBy: `${id}-title` }, [
    h('h3', { id: `${id}-title` }, title),
    ...format.changed.map((page) => pageArticle(page, format.label, lang)),
  ]);
}

function pageArticle(page: PageChange, label: string, lang: string): ElementContent {
  const what = page.kind === 'changed' ? `${(page.ratio * 100).toFixed(page.ratio < 0.001 ? 2 : 1)}% of the page changed` : `page ${page.kind}`;
  const picture = (src: string | undefined, caption: string) =>
    src ? [h('figure', [h('img', { src, alt: `${caption}: page ${page.page} of ${label}`, loading: 'lazy' }), h('figcaption', caption)])] : [];
  const { pictures } = page;
  return h('article', [
    h('h4', `Page ${page.page}: ${what}`),
    pictures
      ? h('div.pictures', [
          ...picture(pictures.before, 'Before'),
          ...picture(pictures.after, 'After'),
          ...picture(pictures.difference, 'Difference (changed pixels in red)'),
        ])
      : '',
    page.runs.length
      ? h(
          'p.words',
          { lang },
          page.runs.flatMap((run) => [words(run), ' ']),
        )
      : h('p.meta', 'No words changed.'),
  ]);
}

function words(run: PageChange['runs'][number]): ElementContent {
  if (run.kind === 'same') return { type: 'text', value: run.text };
  const said = run.kind === 'added' ? 'added: ' : 'removed: ';
  return h(run.kind === 'added' ? 'ins' : 'del', [h('span.sr-only', said), run.text]);
}
