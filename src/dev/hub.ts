import type { ServerResponse } from 'node:http';

/**
 * Server-sent events to every open page: `state` after each build step (what reloads, and the
 * diagnostics the overlay shows), `saved` at a save (print previews of those documents reload at
 * once), and a comment every 15 s so proxies keep the stream open.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  /** The print preview each open page shows (`lang/slug`), if it is one. */
  private readonly previews = new Map<ServerResponse, string>();
  private readonly waits = new Set<{ pages: Map<string, number>; done: () => void }>();
  private last?: { event: string; data: string };
  private readonly keepAlive = setInterval(() => this.write(': keep-alive\n\n'), 15_000).unref();

  add(response: ServerResponse, preview?: string): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write('retry: 500\n\n');
    // A page that opens after the last build still learns its state (an error overlay, say).
    if (this.last) response.write(`event: ${this.last.event}\ndata: ${this.last.data}\n\n`);
    this.clients.add(response);
    if (preview) this.previews.set(response, preview);
    response.on('close', () => {
      this.clients.delete(response);
      this.previews.delete(response);
    });
  }

  /**
   * Resolves once every print preview open on these pages (`lang/slug`) has been laid out again
   * after reloading, or after `capMs`; at once when none is open.
   */
  previewsShown(pages: readonly string[], capMs: number): Promise<void> {
    const waiting = new Map<string, number>();
    for (const page of this.previews.values()) if (pages.includes(page)) waiting.set(page, (waiting.get(page) ?? 0) + 1);
    if (!waiting.size) return Promise.resolve();
    return new Promise((resolve) => {
      const wait = {
        pages: waiting,
        done: () => {
          clearTimeout(timer);
          this.waits.delete(wait);
          resolve();
        },
      };
      const timer = setTimeout(wait.done, capMs);
      this.waits.add(wait);
    });
  }

  /** A preview page says it has been laid out. */
  shown(page: string): void {
    for (const wait of [...this.waits]) {
      const left = (wait.pages.get(page) ?? 0) - 1;
      if (left > 0) wait.pages.set(page, left);
      else wait.pages.delete(page);
      if (!wait.pages.size) wait.done();
    }
  }

  send(event: string, data: unknown): void {
    const text = JSON.stringify(data);
    if (event === 'state') this.last = { event, data: text };
    this.write(`event: ${event}\ndata: ${text}\n\n`);
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const wait of [...this.waits]) wait.done();
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}
