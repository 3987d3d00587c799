import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode } from '../../core/errors.js';
import { readOutputFolder } from '../../write/output-folder.js';
import { guarded, type Io } from '../io.js';
import { createOutput } from '../output.js';

export interface DiffFlags {
  report?: string;
  json?: boolean;
  markdown?: string;
  quiet?: boolean;
}

const HINT = 'Name two folders that `handouts build` wrote (their --out, such as output/), each holding its manifest.json.';

/**
 * `handouts diff BASE HEAD`: what changed on the printed page between two builds, for review.
 * Exit 0 when nothing visible changed, 1 when something did, 2 on bad input.
 */
export async function runDiff(base: string, head: string, flags: DiffFlags, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const folder = (name: string) => readOutputFolder(name, path.resolve(io.cwd, name), io.cwd, HINT);
    const [before, after] = [folder(base), folder(head)];
    const reportDir = flags.report ? path.resolve(io.cwd, flags.report) : undefined;
    if (reportDir) mkdirSync(reportDir, { recursive: true });
    const [{ diffFolders }, { diffReportHtml, summaryLine }, { diffSummaryMarkdown }] = await Promise.all([
      import('../../diff/run.js'),
      import('../../diff/report-html.js'),
      import('../../diff/summary-md.js'),
    ]);
    const started = performance.now();
    const report = await diffFolders({ base: before, head: after, reportDir });
    for (const doc of report.documents) {
      const formats = doc.formats.map((f) => `${f.format}${f.status === 'changed' ? ` pages ${f.changed.map((p) => p.page).join(', ')}` : ` ${f.status}`}`);
      out.info(`${doc.source}: ${doc.status === 'changed' ? formats.join('; ') : `document ${doc.status}`}`);
    }
    out.info(`${summaryLine(report)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    if (reportDir) {
      writeFileSync(path.join(reportDir, 'index.html'), diffReportHtml(report));
      out.info(`Report: ${path.relative(io.cwd, path.join(reportDir, 'index.html'))}`);
    }
    if (flags.markdown) writeFileSync(path.resolve(io.cwd, flags.markdown), diffSummaryMarkdown(report), { flag: 'a' });
    if (flags.json) io.stdout.write(`${JSON.stringify({ documents: report.documents, summary: report.summary }, null, 2)}\n`);
    return report.documents.length ? ExitCode.documentsFailed : ExitCode.ok;
  });
}
