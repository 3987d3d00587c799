import type { Browser } from 'puppeteer-core';
import { EnvironmentError, UsageError } from '../core/errors.js';

export interface ConnectOptions {
  /** How many times to try before giving up. Default 3. */
  attempts?: number;
  /** The wait before the second attempt; it doubles before each one after. Default 250 ms. */
  delayMs?: number;
  /** The longest one attempt may take (looking up the address and opening the WebSocket). Default 10 s. */
  attemptTimeoutMs?: number;
  /** Stops the retries (the build is stopping). */
  signal?: AbortSignal;
  /** Told about each failed attempt (`--verbose`). */
  log?: (message: string) => void;
}

export interface Connected {
  browser: Browser;
  /** The WebSocket URL actually used (read from `/json/version` when an http:// address was given). */
  wsEndpoint: string;
}

/**
 * Connects to a running browser by its DevTools WebSocket (`ws://`, `wss://`) or by the http://
 * address of its debugging port. A browser that is still starting, or a pool service between
 * sessions, refuses a connection for a moment, so a few attempts are made a short, growing wait
 * apart; after that the answer is an EnvironmentError (exit 3) that says what was tried, what each
 * attempt met and what to check, rather than a build that waits on a browser that is not coming.
 */
export async function connectBrowser(endpoint: string, options: ConnectOptions = {}): Promise<Connected> {
  const { attempts = 3, delayMs = 250, attemptTimeoutMs = 10_000, signal, log } = options;
  const protocol = endpointProtocol(endpoint);
  const failures: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(delayMs * 2 ** (attempt - 2), signal);
    try {
      return await withTimeout((deadline) => connectOnce(endpoint, protocol, deadline), attemptTimeoutMs);
    } catch (error) {
      const message = firstLine((error as Error).message);
      failures.push(message);
      log?.(`Connecting to the browser at ${endpoint} failed (attempt ${attempt} of ${attempts}): ${message}`);
    }
  }
  const httpNote = protocol === 'http' ? ` (its WebSocket URL read from ${versionUrl(endpoint)})` : '';
  throw new EnvironmentError(
    `Could not connect to the browser at \`${endpoint}\`${httpNote} (--browser-endpoint); ` +
      `${attempts} attempt${attempts === 1 ? '' : 's'} failed:\n${failures.map((f, i) => `  - attempt ${i + 1}: ${f}`).join('\n')}`,
    {
      hint:
        'Check that the browser is running with a debugging port (e.g. --remote-debugging-port=9222); that a ws:// URL is ' +
        'the current one, since it changes each time the browser starts (read `webSocketDebuggerUrl` from http://HOST:PORT/json/version, ' +
        'or pass http://HOST:PORT and it is read for you); and that a pool service (browserless, ...) accepts connections ' +
        '(running, below its session limit, token valid).',
    },
  );
}

type Protocol = 'ws' | 'http';

function endpointProtocol(endpoint: string): Protocol {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    // reported below
  }
  if (url?.protocol === 'ws:' || url?.protocol === 'wss:') return 'ws';
  if (url?.protocol === 'http:' || url?.protocol === 'https:') return 'http';
  // No number of attempts makes a malformed address work: say so at once.
  throw new UsageError(`--browser-endpoint \`${endpoint}\` is not a ws://, wss://, http:// or https:// URL.`, {
    hint: 'Pass the DevTools WebSocket URL (ws://HOST:PORT/devtools/browser/...) or the address of the debugging port (http://HOST:PORT).',
  });
}

async function connectOnce(endpoint: string, protocol: Protocol, signal: AbortSignal): Promise<Connected> {
  const wsEndpoint = protocol === 'http' ? await webSocketUrl(endpoint, signal) : endpoint;
  // Loaded here, not at the top: a build with nothing to render never needs it.
  const { default: puppeteer } = await import('puppeteer-core');
  const connecting = puppeteer.connect({ browserWSEndpoint: wsEndpoint, protocolTimeout: 60_000 });
  // An attempt that timed out may still connect later; nobody would ever disconnect that one.
  signal.addEventListener('abort', () => void connecting.then((late) => late.disconnect()).catch(() => undefined), { once: true });
  return { browser: await connecting, wsEndpoint };
}

/**
 * Users know a browser's host and port; the WebSocket URL holds an id that changes on every
 * start. Chrome (and the pool services that mimic it) tell the current one at `/json/version`.
 */
async function webSocketUrl(endpoint: string, signal: AbortSignal): Promise<string> {
  const url = versionUrl(endpoint);
  const response = await fetch(url, { signal }).catch((error: Error) => {
    // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND) is its cause.
    throw new Error(`${url}: ${(error.cause as Error | undefined)?.message ?? error.message}`);
  });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const found = ((await response.json()) as { webSocketDebuggerUrl?: unknown }).webSocketDebuggerUrl;
  if (typeof found !== 'string' || !found) throw new Error(`${url} has no webSocketDebuggerUrl`);
  // Pool services authenticate by a query parameter (?token=...) that their answer leaves out.
  const given = new URL(endpoint);
  const ws = new URL(found);
  if (given.search && !ws.search) ws.search = given.search;
  return ws.toString();
}

function versionUrl(endpoint: string): string {
  const url = new URL(endpoint);
  url.pathname = `${url.pathname.replace(/\/(json(\/version)?\/?)?$/, '')}/json/version`;
  url.search = '';
  return url.toString();
}

async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(stopped());
    const timer = setTimeout(resolve, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(stopped());
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

function stopped(): Error {
  return new Error('the browser was closed because the build is stopping');
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
