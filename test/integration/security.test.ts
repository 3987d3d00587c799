import { createServer } from 'node:http';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { printPdf } from '../../src/print/print.js';
import type { Diagnostic } from '../../src/report/types.js';
import { markdownToHtml } from '../../src/transform/to-html.js';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURES, tempProject } from '../helpers/project.js';

/**
 * A real HTTP server on 127.0.0.1 (a random port) that counts every request it gets, by path:
 * whatever content points at it must never reach it.
 */
const hits = new Map<string, number>();
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
  res.end('x');
});
let origin = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
const hitsUnder = (prefix: string) => [...hits].filter(([pathname]) => pathname.startsWith(prefix));

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
    // Nothing is removed silently: each removal is a located warning (the document still builds).
    expect(doc.diagnostics.map((d: Diagnostic) => [d.rule, d.severity, d.line, d.column])).toEqual([
      ['html-removed', 'warning', 15, 1], // <script>
      ['html-removed', 'warning', 17, 1], // onclick
      ['html-removed', 'warning', 17, 1], // onmouseover
      ['html-removed', 'warning', 19, 1], // <iframe>
      ['html-removed', 'warning', 21, 1], // <object>
      ['html-removed', 'warning', 23, 1], // <meta>
      ['html-removed', 'warning', 25, 1], // href="javascript:..."
      ['html-removed', 'warning', 27, 1], // src="https://evil.example/..."
      ['html-removed', 'warning', 27, 58], // src="x"
      ['html-removed', 'warning', 27, 58], // onerror
      ['html-removed', 'warning', 29, 1], // <style>
      ['html-removed', 'warning', 31, 1], // <form>
    ]);
    expect(doc.diagnostics[0].message).toBe('Raw HTML `<script>` is removed with its content: content may not run code; remove it');
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

describe('the allowed set of raw HTML', () => {
  const html = (markdown: string) => markdownToHtml(parseMarkdown(markdown));

  it('keeps what patient material uses: footnotes, task lists, tables, code, inline marks, inline images, links', () => {
    const out = html(
      [
        'Text[^1] with <abbr title="multiple sclerosis">MS</abbr>, <kbd>Ctrl</kbd>, <mark>m</mark>, <small>s</small>, H<sub>2</sub>O.',
        '',
        '- [x] done',
        '',
        '| a |',
        '|:-:|',
        '| 1 |',
        '',
        '```js\nx\n```',
        '',
        '<figure><img src="data:image/png;base64,AAAA" alt="A scan"><figcaption>A scan</figcaption></figure>',
        '',
        '[web](https://example.org) [mail](mailto:a@example.org) [phone](tel:+15550100) [here](#note)',
        '',
        '[^1]: A note.',
      ].join('\n'),
    );
    for (const kept of [
      '<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="user-content-footnote-label">1</a></sup>',
      '<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="user-content-footnote-label">',
      '<li id="user-content-fn-1">',
      'data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref"',
      '<abbr title="multiple sclerosis">MS</abbr>',
      '<kbd>Ctrl</kbd>',
      '<mark>m</mark>',
      '<small>s</small>',
      '<sub>2</sub>',
      '<ul class="contains-task-list">',
      '<li class="task-list-item"><input type="checkbox" checked disabled> done</li>',
      '<td align="center">1</td>',
      '<code class="language-js">',
      '<figure><img src="data:image/png;base64,AAAA" alt="A scan"><figcaption>A scan</figcaption></figure>',
      '<a href="https://example.org">',
      '<a href="mailto:a@example.org">',
      '<a href="tel:+15550100">',
      '<a href="#note">',
    ]) {
      expect(out).toContain(kept);
    }
  });

  it("drops what is not in the set: GitHub's <picture>, <source srcset>, <details>, and an image that is not inline data", () => {
    const out = html('<picture><source srcset="https://evil.example/a.png"><img src="pic.png" alt="A"></picture>\n\n<details><summary>S</summary>T</details>');
    expect(out).toBe('<p><img alt="A"></p>\nST');
  });

  it('leaves an in-page link with a malformed percent-escape as written, rather than failing the document', () => {
    expect(html('# Note\n\n<a href="#%E0%A4%A">a</a> [b](#note)')).toBe('<h1 id="note">Note</h1>\n<p><a href="#%E0%A4%A">a</a> <a href="#note">b</a></p>');
  });
});

describe('the renderer lets nothing leave the browser', () => {
  const browser = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 1 });
  afterAll(() => browser.dispose());

  it('refuses every request that is not inline data or a brand font, and counts them', async () => {
    const html = `<!doctype html><html lang="en"><head><title>t</title>
      <link rel="stylesheet" href="http://${origin}/print/style.css"></head>
      <body><p>Text</p><img src="http://${origin}/print/pixel.png" alt="">
      <img src="file:///etc/passwd" alt=""><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></body></html>`;
    const printed = await printPdf(browser, html, { label: 'test', timeoutMs: 30_000 });
    expect(hitsUnder('/print/')).toEqual([]);
    // file: URLs are refused by Chromium itself for an about:blank page, before any request is made.
    expect(printed.blocked.sort()).toEqual([`http://${origin}/print/pixel.png`, `http://${origin}/print/style.css`]);
    expect(Buffer.from(printed.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });
});

/**
 * Every way raw HTML could make a page load something, each pointing at its own path on the
 * real server (`test/fixtures/hostile/vectors/content/vectors.md`, one vector a line, and one in
 * a partial it includes). `tag` is the element the `html-removed` warning points at; a link is
 * kept and needs none.
 */
const VECTORS: { name: string; file: string; tag?: string; source?: string }[] = [
  { name: '<img src>', file: 'img-src.png', tag: 'img' },
  { name: '<img srcset>', file: 'img-srcset.png', tag: 'img' },
  { name: '<picture><source srcset>', file: 'picture-source.png', tag: 'source' },
  { name: '<svg><image href>', file: 'svg-image-href.png', tag: 'image' },
  { name: '<svg><image xlink:href>', file: 'svg-image-xlink.png', tag: 'image' },
  { name: '<video poster>', file: 'video-poster.png', tag: 'video' },
  { name: '<a href> (kept, never followed)', file: 'a-href' },
  { name: 'style="background:url(...)"', file: 'style-attribute.png', tag: 'p' },
  { name: '<style>@import url(...)', file: 'style-import.css', tag: 'style' },
  { name: '<style>@font-face{src:url(...)}', file: 'font-face.woff2', tag: 'style' },
  { name: '<link rel=stylesheet href>', file: 'link-stylesheet.css', tag: 'link' },
  { name: '<iframe src>', file: 'iframe-src', tag: 'iframe' },
  { name: '<object data>', file: 'object-data', tag: 'object' },
  { name: ':::slide <img src>', file: 'slide-img-src.png', tag: 'img' },
  { name: ':::slide style="background:url(...)"', file: 'slide-style-attribute.png', tag: 'p' },
  { name: ':::slide <iframe src>', file: 'slide-iframe-src', tag: 'iframe' },
  { name: ':::notes <img src>', file: 'notes-img-src.png', tag: 'img' },
  { name: '<iframe src> in an included partial', file: 'partial-iframe-src', tag: 'iframe', source: 'content/_partials/embedded.md' },
];
const VECTOR_SOURCES = ['content/vectors.md', 'content/_partials/embedded.md'];
const fixtureText = (source: string) => readFileSync(path.join(FIXTURES, 'hostile/vectors', source), 'utf8');
const PLACEHOLDER = 'origin.invalid';
/** The line and column of a vector in its fixture file: the line naming its path, at its element. */
function placeOf(source: string, file: string, tag: string) {
  const lines = fixtureText(source).split('\n');
  const index = lines.findIndex((line) => line.includes(`${PLACEHOLDER}/${file}`));
  return { line: index + 1, column: lines[index]!.indexOf(`<${tag}`) + 1 };
}

/** Opens a page as a reader's browser would, with no request interception, and waits until the network is quiet. */
async function openInBrowser(manager: BrowserManager, html: string): Promise<void> {
  const context = await (await manager.browser()).createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
  } finally {
    await context.close();
  }
}

describe('raw HTML that would load something, against a real server', () => {
  const project = tempProject('hostile/vectors');
  const manager = new BrowserManager({ endpoint: inject('browserEndpoint'), maxPages: 2 });
  let doc: { status: string; diagnostics: Diagnostic[] };
  let csp = 0;
  afterAll(async () => {
    await manager.dispose();
    project.cleanup();
  });

  beforeAll(async () => {
    for (const source of VECTOR_SOURCES) {
      writeFileSync(path.join(project.dir, source), fixtureText(source).replaceAll(PLACEHOLDER, `${origin}/built`));
    }
    // Built with the real Chromium: the handout and the deck, as PDF (printed) and as web pages.
    const result = await runCli(project.dir, ['build', '--json', '--browser-endpoint', inject('browserEndpoint'), '--today', '2026-12-01']);
    doc = result.json().documents[0];
    // Then the web pages are opened as a reader would, with no request interception. Their
    // Content-Security-Policy would refuse these loads too; it is taken off, so that what is
    // tested here is the sanitising itself.
    for (const name of ['handout.html', 'slides.html']) {
      const html = readFileSync(path.join(project.dir, 'output/en/vectors', name), 'utf8');
      const open = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => {
        csp++;
        return '';
      });
      await openInBrowser(manager, open);
    }
  }, 120_000);

  it('builds, and no printed page even tried to load anything', () => {
    expect(doc.status).toBe('built');
    expect(doc.diagnostics.filter((d) => d.rule === 'resource-blocked')).toEqual([]);
    expect(csp).toBe(2);
    expect(hitsUnder('/built/')).toEqual([]);
  });

  it.each(VECTORS)('$name: no request reaches the server, and the removal is a located warning', ({ file, tag, source = 'content/vectors.md' }) => {
    expect(hits.get(`/built/${file}`) ?? 0).toBe(0);
    if (!tag) return;
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ rule: 'html-removed', severity: 'warning', file: source, ...placeOf(source, file, tag) }));
  });

  it('each vector is live: the same HTML unsanitised does reach the server (except the link)', async () => {
    const raw = VECTOR_SOURCES.flatMap((source) => fixtureText(source).split('\n'))
      .filter((line) => line.includes(PLACEHOLDER))
      .map((line) => line.replaceAll(PLACEHOLDER, `${origin}/control`));
    await openInBrowser(manager, `<!doctype html><html lang="en"><head><title>t</title></head><body>\n${raw.join('\n')}\n</body></html>`);
    const missed = VECTORS.filter(({ file, tag }) => tag && !hits.get(`/control/${file}`)).map(({ name }) => name);
    expect(missed).toEqual([]);
    expect(hits.get('/control/a-href')).toBeUndefined();
  });
});
