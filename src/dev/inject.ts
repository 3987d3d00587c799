/** Where the dev server serves its own files; no generated file lives under this path. */
export const DEV_PATH = '/__handouts';

/**
 * Pure: a generated page as the dev server serves it: its own Content-Security-Policy, widened
 * only by what the preview needs from this server (`'self'` scripts: the live-reload client and,
 * on print previews, Paged.js; `connect-src 'self'` for the event stream), and those scripts
 * added at the end of `<head>`. The files on disk are never changed.
 */
export function injectDevScripts(html: string, scripts: readonly string[]): string {
  const withPolicy = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i, (_, open: string, policy: string, close: string) => {
    // The tool writes the policy itself (src/templates/csp.ts): the only character a template may
    // have escaped in it is the quote around keywords (`&#39;none&#39;`).
    const directives = policy
      .replace(/&#39;|&#x27;|&apos;/gi, "'")
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean);
    const script = directives.find((d) => d.startsWith('script-src'));
    const style = directives.find((d) => d.startsWith('style-src'));
    const others = directives.filter((d) => !/^(script|connect|style)-src/.test(d));
    // Paged.js hands the browser the styles it rewrote as `blob:` style sheets.
    const added = [`${script ?? 'script-src'} 'self'`, "connect-src 'self'", `${style ?? "style-src 'unsafe-inline'"} blob:`];
    return `${open}${[...others, ...added].join('; ')}${close}`;
  });
  const tags = scripts.map((src) => `<script src="${src}"></script>`).join('\n');
  return withPolicy.includes('</head>') ? withPolicy.replace('</head>', `${tags}\n</head>`) : `${tags}\n${withPolicy}`;
}
