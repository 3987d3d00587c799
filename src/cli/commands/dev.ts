import { startDevServer } from '../../dev/start.js';
import { toUserConfig, type CommonFlags } from '../flags.js';
import { guarded, type Io } from '../io.js';
import { createOutput } from '../output.js';

export interface DevFlags extends CommonFlags {
  port?: number;
  host?: string;
}

/**
 * `handouts dev`: the catalog and every output on a local HTTP server, rebuilt on save, pages
 * reloaded and content errors shown over them. Ctrl-C closes the server, the watcher and
 * Chromium, and leaves no temporary folder.
 */
export async function runDev(flags: DevFlags, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const dev = await startDevServer({
      cwd: io.cwd,
      flags: toUserConfig(flags),
      configPath: flags.config,
      env: io.env,
      port: flags.port,
      host: flags.host,
      log: out.info,
      onReport: (report) => report.documents.filter((doc) => doc.status !== 'skipped').forEach(out.document),
    });
    out.info(`Preview: ${dev.url}  (Ctrl-C stops)`);
    let stop = () => {};
    const signalled = new Promise<void>((resolve) => (stop = resolve));
    process.once('SIGINT', stop).once('SIGTERM', stop);
    try {
      await Promise.race([signalled, dev.stopped]);
      return 0;
    } finally {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      await dev.close();
    }
  });
}
