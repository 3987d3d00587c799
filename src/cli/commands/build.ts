import { loadConfig } from '../../config/load.js';
import { build } from '../../pipeline/build.js';
import { Session } from '../../pipeline/session.js';
import { toUserConfig, type CommonFlags } from '../flags.js';
import { finish, guarded, type Io } from '../io.js';
import { createOutput } from '../output.js';

/** `handouts build`: one session for the run; Ctrl-C closes its browser and profile before leaving. */
export async function runBuild(sources: string[], flags: CommonFlags, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const config = await loadConfig({ flags: toUserConfig(flags), configPath: flags.config, cwd: io.cwd, env: io.env });
    if (config.builtInTemplates)
      out.info('No templates/ folder: building with the built-in brand and templates (`handouts init` writes them out to customise).');
    const session = new Session({ config, log: out.verbose });
    const stop = (signal: NodeJS.Signals) => {
      out.error(`Stopped by ${signal}; outputs already written are complete.`);
      void session.dispose().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
    try {
      const report = await build({ session, sources, cwd: io.cwd, force: flags.force, onPlan: out.plan, onDocument: out.document });
      for (const { document } of report.restarts ?? []) out.info(`The browser stopped and was started again; ${document} was rendered once more.`);
      out.done();
      return finish(report, flags, out, 'Built', io);
    } finally {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      await session.dispose();
    }
  });
}
