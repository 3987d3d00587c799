import { summaryLine } from './report-html.js';
import type { DiffReport } from './types.js';

/**
 * Pure: a short Markdown summary of a diff, for a CI job's summary page (`$GITHUB_STEP_SUMMARY`):
 * the summary line, then a row per changed format with its pages.
 */
export function diffSummaryMarkdown(report: DiffReport): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const lines = ['### What changed on the page', '', summaryLine(report), ''];
  const rows = report.documents.flatMap((doc) =>
    doc.status !== 'changed'
      ? [`| ${cell(doc.title)} (${doc.lang}) | document ${doc.status} | |`]
      : doc.formats.map((format) => {
          const pages =
            format.status === 'changed'
              ? format.changed.map((page) => `${page.page}${page.kind === 'changed' ? '' : ` (${page.kind})`}`).join(', ')
              : format.status;
          return `| ${cell(doc.title)} (${doc.lang}) | ${cell(format.label)} | ${pages} |`;
        }),
  );
  if (rows.length) lines.push('| Document | Format | Pages |', '| --- | --- | --- |', ...rows, '');
  return `${lines.join('\n')}\n`;
}
