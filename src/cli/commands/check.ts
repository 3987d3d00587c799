import { loadConfig } from '../../config/load.js';
import { toUserConfig, type CommonFlags } from '../flags.js';
import { finish, guarded, type Io } from '../io.js';
import { createOutput } from '../output.js';

/** `handouts check`: every rule that needs no browser, nothing written. */
export async function runCheck(sources: string[], flags: CommonFlags, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const config = await loadConfig({ flags: toUserConfig(flags), configPath: flags.config, cwd: io.cwd, env: io.env });
    const { check } = await import('../../pipeline/check.js');
    const report = await check({ config, sources, cwd: io.cwd });
    out.plan(report.documents.length);
    for (const doc of report.documents) out.document(doc);
    out.done();
    return finish(report, flags, out, 'Checked', io);
  });
}
