import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { EnvironmentError } from '../core/errors.js';
import { discoverBrowser, type Attempt } from './discover.js';
import { launchArgs } from './flags.js';

export interface LaunchOptions {
  /** An explicit executable (flag, config or environment), and where it was given. */
  executablePath?: string;
  executableFrom?: string;
  log?: (message: string) => void;
  /** Called when a browser has been found, just before its process is spawned. */
  onSpawn?: () => void;
  /** True once the build is stopping: no further start is tried. */
  cancelled: () => boolean;
}

export interface Launched {
  browser: Browser;
  /** The run's own profile folder; removed when the browser is gone. */
  profileDir: string;
  description: string;
  executablePath: string;
}

/** Starts of one browser before it counts as not starting at all. */
const START_ATTEMPTS = 3;

/**
 * Where Chromium is launched: found (see discover.ts), started with the project's switches (see
 * flags.ts) and a profile folder of its own. A browser that dies while starting (short of memory
 * for a moment) is started again, a few times; one that never starts is an environment problem
 * (exit 3), said with everything that was tried.
 */
export async function launchBrowser(options: LaunchOptions): Promise<Launched> {
  const attempts: Attempt[] = [];
  const candidate = await discoverBrowser({ explicit: options.executablePath, explicitFrom: options.executableFrom }, attempts);
  if (candidate) {
    // Loaded here, not at the top: a build with nothing to render never needs it.
    const { default: puppeteer } = await import('puppeteer-core');
    options.onSpawn?.();
    for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      const profileDir = mkdtempSync(path.join(tmpdir(), 'handouts-profile-'));
      try {
        const browser = await puppeteer.launch({
          executablePath: candidate.executablePath,
          headless: isHeadlessShell(candidate.kind, candidate.executablePath) ? 'shell' : true,
          args: launchArgs(candidate),
          userDataDir: profileDir,
          // Leave Ctrl-C to the build, which closes the browser itself in `finally`.
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
          protocolTimeout: 60_000,
        });
        const description = `${candidate.label}, ${await browser.version()}`;
        options.log?.(`Using ${description}`);
        return { browser, profileDir, description, executablePath: candidate.executablePath };
      } catch (error) {
        removeDir(profileDir);
        const said = firstLine((error as Error).message);
        const again = attempt < START_ATTEMPTS && !options.cancelled();
        if (again) options.log?.(`The browser stopped while starting (${said}); starting it again`);
        else {
          attempts.push({ label: candidate.label, outcome: `failed to start${attempt > 1 ? ` ${attempt} times` : ''}: ${said}` });
          break;
        }
      }
    }
  }
  throw new EnvironmentError(`No usable browser found. Tried:\n${attempts.map((a) => `  - ${a.label}: ${a.outcome}`).join('\n')}`, {
    hint:
      'Run `npm ci` so the bundled @sparticuz/chromium package is installed, or install Chromium ' +
      '(`apt-get install chromium-headless-shell`), or pass --browser /path/to/chrome ' +
      '(or set CHROME_PATH), or --browser-endpoint ws://... to use a running browser.',
  });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Headless-shell builds take the old headless switch; full Chrome and Chromium take the new one. */
function isHeadlessShell(kind: string, executable: string): boolean {
  if (kind === 'headless-shell' || kind === 'npm-package') return true;
  return kind === 'explicit' && /headless|shell/i.test(path.basename(executable));
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
