import QRCode from 'qrcode';
import { stringifyEntities } from 'stringify-entities';

/** The online address of a document, from the config's pattern; undefined when none is configured. */
export function documentUrl(pattern: string | undefined, doc: { slug: string; lang: string }): string | undefined {
  return pattern?.replaceAll('{slug}', encodeURIComponent(doc.slug)).replaceAll('{lang}', encodeURIComponent(doc.lang));
}

/**
 * A QR code of `url` as inline SVG: vector, so it prints sharp at any size, made locally by the
 * `qrcode` package (nothing is fetched). Error correction M survives a fold or a smudge; the
 * quiet zone of four modules is what scanners expect.
 */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  // Named for screen readers and in the PDF's tags; the drawing itself is not text.
  const name = stringifyEntities(label, { escapeOnly: true, subset: ['"', '&', '<', '>'] });
  return svg.replace('<svg ', `<svg role="img" aria-label="${name}" `);
}
