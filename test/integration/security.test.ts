import { createServer } from 'node:http';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { printPdf } from '../../src/print/print.js';
import type { Diagnostic } from '../../src/report/types.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/project.js';

describe('hostile content', () => {
  const project = tempProject('hostile');
  mkdirSync(path.join(project.dir, 'content/_partials'), { recursive: true });
  symlinkSync('/etc/hostname', path.join(project.dir, 'content/_partials/escape.md'));
  afterAll(() => project.cleanup());
  const build = () => runCli(project.dir, ['build', '--json', '--browser-endpoint', inject('browserEndpoint'), '--today', '2026-12-01']);

  it('sanitises raw HTML: no script, handler, frame, object, meta refresh, form or outside URL reaches the page', async () => {
    const result = await build();
    const doc = result.json().documents.find((d: { slug: string }) => d.slug === 'hostile');
    expect(doc.status).toBe('built');
    expect(doc.diagnostics).toEqual([]);
    for (const name of ['handout.html', 'slides.html']) {
      const html = readFileSync(path.join(project.dir, 'output/en/hostile', name), 'utf8');
      const body = html.slice(html.indexOf('<body'));
      // The deck keeps exactly one script, the project's own navigation; the handout none.
      expect(body.match(/<script/g)?.length ?? 0).toBe(name === 'slides.html' ? 1 : 0);
      expect(body).not.toContain('alert(');
      expect(body).not.toMatch(/\son[a-z]+=/i);
      for (const banned of ['<iframe', '<object', 'http-equiv', 'javascript:', 'evil.example', '<form', 'name="q"', '@import']) {
        expect(body, `${name} holds ${banned}`).not.toContain(banned);
      }
    }
    const handout = readFileSync(path.join(project.dir, 'output/en/hostile/handout.html'), 'utf8');
    expect(handout).toContain('<abbr title="multiple sclerosis">MS</abbr>');
    expect(handout).toContain('<kbd>Ctrl</kbd>');
    expect(handout).toContain('<a href="https://example.org/ok">a safe link</a>');
    expect(handout).not.toContain('<script');
  });

  it('refuses remote, file: and outside images and includes, including a symbolic link out of the tree', async () => {
    const result = await build();
    expect(result.code).toBe(1);
    const byslug = (slug: string) => result.json().documents.find((d: { slug: string }) => d.slug === slug);
    const images = byslug('remote-images');
    expect(images.status).toBe('failed');
    expect(images.diagnostics.map((d: Diagnostic) => [d.rule, d.line, d.column])).toEqual([
      ['image-remote', 13, 1],
      ['image-remote', 15, 1],
      ['image-outside', 17, 1],
    ]);
    const traversal = byslug('traversal');
    expect(traversal.diagnostics.map((d: Diagnostic) => [d.rule, d.line, d.column])).toEqual([
      ['include-outside', 13, 1],
      ['include-outside', 15, 1],
      ['include-outside', 17, 1],
    ]);
  });
});

describe('the renderer lets nothing leave the browser', () => {
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 1 });
  afterAll(() => browser.dispose());

  it('refuses every request that is not inline data or a brand font, and counts them', async () => {
    let served = 0;
    const server = createServer((_req, res) => {
      served++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const html = `<!doctype html><html lang="en"><head><title>t</title>
        <link rel="stylesheet" href="http://127.0.0.1:${port}/style.css"></head>
        <body><p>Text</p><img src="http://127.0.0.1:${port}/pixel.png" alt="">
        <img src="file:///etc/passwd" alt=""><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></body></html>`;
      const printed = await printPdf(browser, html, { label: 'test', timeoutMs: 30_000 });
      expect(served).toBe(0);
      // file: URLs are refused by Chromium itself for an about:blank page, before any request is made.
      expect(printed.blocked.sort()).toEqual([`http://127.0.0.1:${port}/pixel.png`, `http://127.0.0.1:${port}/style.css`]);
      expect(Buffer.from(printed.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    } finally {
      server.close();
    }
  });
});
