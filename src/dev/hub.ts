import type { ServerResponse } from 'node:http';

/**
 * Server-sent events to every open page: `reload` after a rebuild, `problems` with the current
 * diagnostics (the overlay), and a comment every 15 s so proxies keep the stream open.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private last?: { event: string; data: string };
  private readonly keepAlive = setInterval(() => this.write(': keep-alive\n\n'), 15_000).unref();

  add(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write('retry: 500\n\n');
    // A page that opens after the last build still learns its state (an error overlay, say).
    if (this.last) response.write(`event: ${this.last.event}\ndata: ${this.last.data}\n\n`);
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  send(event: string, data: unknown): void {
    const text = JSON.stringify(data);
    if (event === 'state') this.last = { event, data: text };
    this.write(`event: ${event}\ndata: ${text}\n\n`);
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}
