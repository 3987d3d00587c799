import { statSync } from 'node:fs';
import { HEADLESS_SHELLS, isExecutable, SYSTEM_CHROMES, which } from './discover.js';
import { packageVersion } from './unpacked.js';

/**
 * Which browser a build would render with, told without starting it (the no-change rebuild must
 * stay fast): the executable's path, size and time stamp, or the version of the npm package that
 * ships it. Follows the same order as `discoverBrowser`. A different browser can print different
 * bytes, so this is part of the cache key of every format that needs one. A remote browser
 * (`--browser-endpoint`) is known only by its address: its version cannot be read without
 * connecting.
 */
export function browserFingerprint(options: { explicit?: string; endpoint?: string; env?: Readonly<Record<string, string | undefined>> }): string {
  if (options.endpoint) return `endpoint ${options.endpoint}`;
  if (options.explicit) return executable(options.explicit);
  const shell = HEADLESS_SHELLS.find(isExecutable);
  if (shell) return executable(shell);
  const version = packageVersion();
  if (version) return `@sparticuz/chromium ${version}`;
  // not installed: the system browser is next
  for (const name of SYSTEM_CHROMES) {
    const file = which(name, options.env?.PATH ?? process.env.PATH ?? '');
    if (file) return executable(file);
  }
  return 'none';
}

function executable(file: string): string {
  try {
    const stat = statSync(file);
    return `${file} ${stat.size} ${Math.round(stat.mtimeMs)}`;
  } catch {
    return `${file} missing`;
  }
}
