import { readFileSync } from 'node:fs';
import { renderHandoutHtml } from '../formats/handout/page.js';
import type { DocumentRef } from '../core/document.js';
import { analyseDocument } from '../pipeline/analyse.js';
import type { Session } from '../pipeline/session.js';

/**
 * The print preview of a handout (`layout` handout or large print), made from the source now:
 * the page printed to PDF, with its fonts inline and no screen layout, for Paged.js to lay out
 * into pages with the same `@page` size, margins, breaks and running footer. Undefined when the
 * document does not build (the overlay then says why).
 */
export async function previewPage(session: Session, ref: DocumentRef, layout: 'handout' | 'large-print'): Promise<string | undefined> {
  const tools = await session.loadTools();
  const analysed = analyseDocument(ref, readFileSync(ref.path, 'utf8'), tools);
  if (!analysed.document || analysed.failed) return undefined;
  return renderHandoutHtml(analysed.document, tools.templates, tools.liquid, { paper: session.config.paper, preview: true, layout });
}
