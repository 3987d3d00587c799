import { ExitCode, HandoutsError } from '../core/errors.js';
import type { BuildReport } from '../report/types.js';
import type { CommonFlags } from './flags.js';
import type { Output } from './output.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const processIo = (): Io => ({ cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });

/** The summary line, `--verbose` timings and the `--json` report; returns the exit code. */
export function finish(report: BuildReport, flags: CommonFlags, out: Output, verb: 'Built' | 'Checked', io: Io): number {
  const { built, skipped, failed, ms } = report.summary;
  const total = report.documents.length;
  if (report.timings) {
    const t = report.timings;
    out.verbose(`Time: ${ms} ms in all; browser start ${t.launchMs} ms, HTML ${t.htmlMs} ms, PDF ${t.pdfMs} ms (summed over documents)`);
  }
  const parts = verb === 'Built' ? [`built ${built}`, ...(skipped ? [`${skipped} up to date`] : [])] : [`checked ${skipped}`];
  if (failed) parts.push(`${failed} failed`);
  out.info(`${total} document${total === 1 ? '' : 's'}: ${parts.join(', ')} in ${(ms / 1000).toFixed(1)} s`);
  if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return failed ? ExitCode.documentsFailed : ExitCode.ok;
}

/** Turns the tool's own errors into a message and exit code; anything else is a bug and keeps its stack. */
export async function guarded(out: Pick<Output, 'error'>, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof HandoutsError)) throw error;
    out.error(`error: ${error.message}`);
    if (error.hint) out.error(`  ${error.hint}`);
    return error.exitCode;
  }
}
