/**
 * The Content-Security-Policy every generated page carries: nothing may load but inline styles,
 * `data:` images and fonts (or, on print pages, fonts from the renderer's asset origin), and no
 * script runs except one named by its hash.
 */
export function contentSecurityPolicy(options: { fonts?: string; scriptHash?: string } = {}): string {
  const fontSrc = options.fonts ? `data: ${options.fonts}` : 'data:';
  const script = options.scriptHash ? `; script-src 'sha256-${options.scriptHash}'` : '';
  return `default-src 'none'; img-src data:; font-src ${fontSrc}; style-src 'unsafe-inline'${script}`;
}
