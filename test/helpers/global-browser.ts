import type { TestProject } from 'vitest/node';
import { BrowserManager } from '../../src/browser/manager.js';

declare module 'vitest' {
  export interface ProvidedContext {
    browserEndpoint: string;
    /** The executable of that browser, for the few tests that must start (and stop) their own. */
    browserPath: string;
  }
}

let manager: BrowserManager | undefined;

/** Launches the one browser of the test run (found the way a build finds it) and shares its endpoint. */
export async function setup(project: TestProject): Promise<void> {
  manager = new BrowserManager({ maxPages: 4 });
  const browser = await manager.browser();
  project.provide('browserEndpoint', browser.wsEndpoint());
  project.provide('browserPath', manager.executablePath ?? '');
}

export async function teardown(): Promise<void> {
  await manager?.dispose();
}
