import type { Page } from 'puppeteer-core';
import type { RenderContext } from './context.js';

/**
 * The print-shop version of a printed format, when the config asks for it (`print_ready`):
 * the page made again with the bleed on every side, printed, then given crop marks and the page
 * boxes (`TrimBox`, `BleedBox`, `MediaBox`) a print shop's preflight expects. Returns the extra
 * file to write, or nothing. The ordinary PDF is not touched.
 */
export async function printShopFile(
  context: RenderContext,
  format: { id: string; name: string },
  page: (bleedMm: number) => string | Promise<string>,
  inspect?: (page: Page) => Promise<void>,
): Promise<Record<string, Uint8Array>> {
  const { config } = context;
  if (!config.printReady.includes(format.id)) return {};
  const pdf = await context.print(await page(config.bleedMm), `${format.id}, print-ready`, inspect);
  const { makePrintReady } = await import('../print/print-ready.js');
  return { [format.name]: await makePrintReady(pdf.bytes, { bleedMm: config.bleedMm }) };
}

/** What a print-shop version adds to a format's cache key. */
export function printShopSettings(config: { printReady: readonly string[]; bleedMm: number }, id: string) {
  return config.printReady.includes(id) ? { printReady: true, bleedMm: config.bleedMm } : { printReady: false };
}
