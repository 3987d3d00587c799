import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { within } from '../core/paths.js';
import type { DocumentReport } from '../report/types.js';
import type { EventHub } from './hub.js';
import { DEV_PATH, injectDevScripts } from './inject.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.js': 'text/javascript; charset=utf-8',
};
const CLIENT = readFileSync(new URL('./client/dev-client.js', import.meta.url), 'utf8');
// Paged.js's exports map names its browser build only under a condition Node does not use; the
// file sits beside its CommonJS entry's folder.
const PAGED = path.join(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '../dist/paged.polyfill.js');
// Read once, and kept by the viewing browser: it compiles 900 KB of script once instead of on
// every reload of a preview (about 150 ms each).
let paged: Buffer | undefined;
const PAGED_CACHE = 'public, max-age=31536000, immutable';

export interface DevSite {
  /** The output folder being served. */
  out: () => string;
  hub: EventHub;
  /** The documents as the last build left them (for the print preview and `/__handouts/state`). */
  state: () => {
    build: number;
    documents: DocumentReport[];
    error?: { message: string };
    changedAt: Record<string, number>;
    previewChangedAt: Record<string, number>;
  };
  /**
   * The print preview a format serves as `file` for a document: undefined when no format
   * previews that file, `{ html: undefined }` when the document does not build now.
   */
  preview: (doc: DocumentReport, file: string) => Promise<{ html?: string } | undefined>;
}

/**
 * The dev server: serves the output folder and the catalog, adds the live-reload client to
 * every page, and answers a page a format previews (the handout's, large print's) with its print
 * preview: the printed page laid out into pages by Paged.js, so paper size, margins, page breaks
 * and the running footer show as they will print (`?web` gives the file as written).
 */
export function createDevServer(site: DevSite): Server {
  return createServer((request, response) => {
    handle(site, request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String((error as Error)?.stack ?? error));
    });
  });
}

async function handle(site: DevSite, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const pathname = decodeURIComponent(url.pathname);
  if (pathname === `${DEV_PATH}/events`) return site.hub.add(response, url.searchParams.get('preview') ?? undefined);
  if (pathname === `${DEV_PATH}/shown` && request.method === 'POST') {
    site.hub.shown(url.searchParams.get('page') ?? '');
    response.writeHead(204);
    return void response.end();
  }
  if (pathname === `${DEV_PATH}/client.js`) return send(response, 200, TYPES['.js']!, CLIENT);
  if (pathname === `${DEV_PATH}/paged.js`) {
    paged ??= readFileSync(PAGED);
    response.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': PAGED_CACHE });
    return void response.end(paged);
  }
  if (pathname === `${DEV_PATH}/state`) return send(response, 200, TYPES['.json']!, JSON.stringify(site.state()));
  const named = /^\/([^/]+)\/([^/]+)\/([^/]+\.html)$/.exec(pathname);
  const doc = named && !url.searchParams.has('web') ? site.state().documents.find((d) => d.lang === named[1] && d.slug === named[2]) : undefined;
  const preview = doc ? await site.preview(doc, named![3]!) : undefined;
  if (doc && preview) {
    // A document that does not build now still gets a page: the overlay says why.
    const page = preview.html ?? `<!doctype html><html lang="${doc.lang}"><head><meta charset="utf-8"><title>${doc.slug}</title></head><body></body></html>`;
    // The client first: it tells Paged.js, before that runs, to show the pages as sheets once laid out.
    return send(response, 200, TYPES['.html']!, injectDevScripts(page, [client(site, true), `${DEV_PATH}/paged.js`]));
  }
  const out = site.out();
  const file = path.join(out, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if ((file !== path.join(out, 'index.html') && !within(out, file)) || !existsSync(file) || !statSync(file).isFile()) {
    return send(response, 404, 'text/plain; charset=utf-8', `Not found: ${pathname}`);
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) return send(response, 200, type, injectDevScripts(readFileSync(file, 'utf8'), [client(site)]));
  response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(response);
}

/** The client's address, telling it which build the page was served after, and whether it is a print preview. */
function client(site: DevSite, preview = false): string {
  return `${DEV_PATH}/client.js?build=${site.state().build}${preview ? '&preview' : ''}`;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

/** Listens on `port`, or the next free one (up to 20 further), and returns the one it got. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const attempt = (candidate: number) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE' && candidate !== 0 && tries++ < 20) attempt(candidate + 1);
        else reject(error);
      });
      server.listen(candidate, host, () => {
        server.removeAllListeners('error');
        resolve((server.address() as { port: number }).port);
      });
    };
    attempt(port);
  });
}
