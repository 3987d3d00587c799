import path from 'node:path';
import type { UserConfig } from '../config/types.js';
import type { BuildReport } from '../report/types.js';
import { EventHub } from './hub.js';
import { WatchLoop, type LoopState } from './loop.js';
import { previewFormat, previewPage } from './preview.js';
import { createDevServer, listen } from './server.js';

/** How long a save's build waits at most for the previews it reloaded to be laid out. */
const PREVIEW_WAIT_MS = 500;

export interface DevOptions {
  cwd: string;
  flags?: UserConfig;
  configPath?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Port to try first (the next free one is taken when it is busy); 0 for any. Default 4400. */
  port?: number;
  /** Default 127.0.0.1: the preview is for this machine unless asked otherwise. */
  host?: string;
  log?: (message: string) => void;
  /** How long a save's build waits at most for the previews it reloaded to be laid out (default 500 ms). */
  previewWaitMs?: number;
  /** Each finished full build's report, for progress output. */
  onReport?: (report: BuildReport) => void;
}

export interface DevServer {
  url: string;
  /** Where the documents stand after the latest build step. */
  state: () => LoopState;
  /** Resolves once no build is running or waiting. */
  idle: () => Promise<void>;
  /** Rejects if the loop stops on an unexpected error (a bug). */
  stopped: Promise<void>;
  /** Stops the server, the watcher and the browser. */
  close: () => Promise<void>;
}

/** Builds, serves and watches: what `handouts dev` runs, as an API for tests and editors. */
export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const flags = options.flags ?? {};
  const log = options.log ?? (() => undefined);
  const hub = new EventHub();
  const loop = new WatchLoop({
    load: { flags, configPath: options.configPath, cwd: options.cwd, env: options.env ?? process.env },
    quickFirst: true,
    onState: (state, report) => {
      hub.send('state', state);
      if (report) options.onReport?.(report);
    },
    onSaved: (saved) => hub.send('saved', saved),
    previewsShown: (documents) =>
      hub.previewsShown(
        documents.map((doc) => `${doc.lang}/${doc.slug}`),
        options.previewWaitMs ?? PREVIEW_WAIT_MS,
      ),
    log,
  });
  const server = createDevServer({
    out: () => loop.session!.config.out,
    hub,
    state: () => loop.state,
    preview: async (doc, file) => {
      const format = previewFormat(file);
      if (!format) return undefined;
      return { html: await previewPage(loop.session!, { path: path.join(loop.session!.config.root, doc.source), source: doc.source, slug: doc.slug }, format) };
    },
  });
  const close = async () => {
    hub.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await loop.close();
  };
  try {
    await loop.start();
    const host = options.host ?? '127.0.0.1';
    const port = await listen(server, options.port ?? 4400, host);
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
      state: () => loop.state,
      idle: () => loop.idle(),
      stopped: loop.stopped,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
