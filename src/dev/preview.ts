import { readFileSync } from 'node:fs';
import type { DocumentRef } from '../core/document-ref.js';
import { RenderContext } from '../formats/context.js';
import type { OutputFormat } from '../formats/format.js';
import { allFormats } from '../formats/registry.js';
import { analyseDocument } from '../pipeline/analyse.js';
import type { Session } from '../pipeline/session.js';

/** The format whose print preview is served at `<lang>/<slug>/<file>`, if one declares it. */
export function previewFormat(file: string): OutputFormat | undefined {
  return allFormats().find((format) => format.preview?.file === file);
}

/**
 * A format's print preview of a document, made from the source now (see `OutputFormat.preview`).
 * Undefined when the document does not build (the overlay then says why).
 */
export async function previewPage(session: Session, ref: DocumentRef, format: OutputFormat): Promise<string | undefined> {
  const tools = await session.loadTools();
  const analysed = analyseDocument(ref, readFileSync(ref.path, 'utf8'), tools);
  if (!analysed.document || analysed.failed || !format.preview) return undefined;
  return format.preview.page(new RenderContext(analysed.document, tools));
}
