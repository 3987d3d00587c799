import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { packageVersion, rememberedPath, rememberPath } from './unpacked.js';

export type BrowserKind = 'explicit' | 'headless-shell' | 'npm-package' | 'system-chrome';

export interface BrowserCandidate {
  kind: BrowserKind;
  executablePath: string;
  /** Where it came from, for `--verbose` and for the "nothing found" message. */
  label: string;
}

export interface Attempt {
  label: string;
  outcome: string;
}

/** Chromium headless-shell builds: made for printing and about 2.5x faster at it than full Chrome. */
export const HEADLESS_SHELLS = [
  '/usr/bin/chromium-headless-shell',
  '/usr/lib/chromium/chrome-headless-shell',
  '/usr/bin/chrome-headless-shell',
  '/usr/bin/headless_shell',
];
export const SYSTEM_CHROMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

export interface DiscoverOptions {
  /** `--browser`, the config file or an environment variable, after precedence. */
  explicit?: string;
  /** Where the explicit path came from, for messages. */
  explicitFrom?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Finds a browser, in order: an explicit path; a Chromium headless shell installed on the system;
 * the headless shell shipped inside the `@sparticuz/chromium` npm package (needs no system
 * install, unpacks into the temp folder on first use); a full Chrome or Chromium on the system.
 * An explicit path that does not work is not silently replaced by another browser.
 */
export async function discoverBrowser(options: DiscoverOptions, attempts: Attempt[]): Promise<BrowserCandidate | undefined> {
  if (options.explicit) {
    const label = `${options.explicitFrom ?? '--browser'} ${options.explicit}`;
    if (isExecutable(options.explicit)) return { kind: 'explicit', executablePath: options.explicit, label };
    attempts.push({ label, outcome: existsSync(options.explicit) ? 'is not executable' : 'does not exist' });
    return undefined;
  }
  for (const file of HEADLESS_SHELLS) {
    if (isExecutable(file)) return { kind: 'headless-shell', executablePath: file, label: `system headless shell ${file}` };
  }
  attempts.push({ label: 'system headless shell', outcome: `none of ${HEADLESS_SHELLS.join(', ')}` });

  const packaged = await packagedChromium(attempts);
  if (packaged) return packaged;

  for (const name of SYSTEM_CHROMES) {
    const file = which(name, options.env?.PATH ?? process.env.PATH ?? '');
    if (file) return { kind: 'system-chrome', executablePath: file, label: `system browser ${file}` };
  }
  attempts.push({ label: 'system Chrome/Chromium', outcome: `none of ${SYSTEM_CHROMES.join(', ')} on PATH` });
  return undefined;
}

async function packagedChromium(attempts: Attempt[]): Promise<BrowserCandidate | undefined> {
  const label = 'npm package @sparticuz/chromium';
  const version = packageVersion();
  const remembered = version && rememberedPath(version);
  if (remembered && isExecutable(remembered)) return { kind: 'npm-package', executablePath: remembered, label: `${label} (${remembered})` };
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    const executablePath = await chromium.executablePath();
    if (isExecutable(executablePath)) {
      if (version) rememberPath(version, executablePath);
      return { kind: 'npm-package', executablePath, label: `${label} (${executablePath})` };
    }
    attempts.push({ label, outcome: `unpacked to ${executablePath}, which is not executable` });
  } catch (error) {
    attempts.push({ label, outcome: `not usable: ${(error as Error).message}` });
  }
  return undefined;
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function which(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}
