import { WatchLoop } from '../../dev/loop.js';
import { toUserConfig, type CommonFlags } from '../flags.js';
import { guarded, type Io } from '../io.js';
import { createOutput } from '../output.js';

/**
 * `handouts build --watch`: the dev server's loop without the server, for people who keep the
 * PDF open in their viewer. Builds everything (or the named sources' documents: a change to
 * another is ignored by the incremental build), then again on every save, until Ctrl-C.
 */
export async function runWatch(sources: string[], flags: CommonFlags, io: Io): Promise<number> {
  const out = createOutput(flags, io.stderr);
  return guarded(out, async () => {
    const loop = new WatchLoop({
      load: { flags: toUserConfig(flags), configPath: flags.config, cwd: io.cwd, env: io.env },
      sources,
      onState: (_state, report) => report?.documents.filter((doc) => doc.status !== 'skipped').forEach(out.document),
      log: out.info,
    });
    let stop = () => {};
    const signalled = new Promise<void>((resolve) => (stop = resolve));
    process.once('SIGINT', stop).once('SIGTERM', stop);
    try {
      await loop.start();
      out.info('Watching for changes (Ctrl-C stops)');
      await Promise.race([signalled, loop.stopped]);
      return 0;
    } finally {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      await loop.close();
    }
  });
}
