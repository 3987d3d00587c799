import type { ResolvedConfig } from '../config/types.js';
import { BrowserManager } from './manager.js';

/** The settings a browser is made from: a change to one of them needs a new browser. */
export function browserSettings(config: ResolvedConfig): string {
  return JSON.stringify([config.browser, config.browserEndpoint, config.concurrency]);
}

/**
 * The one place a command makes its browser: from the resolved config (flag, config file,
 * environment, default), so `build`, `dev` and `build --watch` render through the same browser the
 * cache records. Where the executable was named goes with it, for messages.
 */
export function browserFor(config: ResolvedConfig, log?: (message: string) => void): BrowserManager {
  return new BrowserManager({
    executablePath: config.browser,
    executableFrom: config.origins.browser ?? 'the config',
    endpoint: config.browserEndpoint,
    maxPages: config.concurrency,
    log,
  });
}
