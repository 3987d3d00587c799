import type { BrowserCandidate } from './discover.js';

/**
 * Command-line switches for every launch. Rendering must not reach the network: background
 * services (updates, sync, field trials) are switched off, since on a closed network they only
 * fail and slow the start.
 */
const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--metrics-recording-only',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--font-render-hinting=none',
  '--disable-gpu',
];

/**
 * The one place the sandbox is decided. Chromium's sandbox cannot start as root (CI containers
 * run as root) and the headless shell inside the npm package ships without its sandbox helper, so
 * those two cases run with `--no-sandbox`. Content is sanitised and pages are cut off from the
 * network and the file system either way; elsewhere the sandbox stays on.
 */
export function needsNoSandbox(candidate: Pick<BrowserCandidate, 'kind'>, uid = process.getuid?.()): boolean {
  return uid === 0 || candidate.kind === 'npm-package';
}

export function launchArgs(candidate: Pick<BrowserCandidate, 'kind'>, uid = process.getuid?.()): string[] {
  return needsNoSandbox(candidate, uid) ? [...QUIET, '--no-sandbox'] : [...QUIET];
}
