import { rewriteInfo, type InfoFields } from './info.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords: readonly string[];
  lang: string;
  /** The date the PDF says it was made: from the content or SOURCE_DATE_EPOCH, never the clock. */
  date: Date;
  creator: string;
}

export interface FinishedPdf {
  bytes: Uint8Array;
  pages: number;
}

/**
 * Sets the document information Chromium cannot (author, subject, keywords, fixed dates) and
 * makes sure viewers show the title and know the language and that the file is tagged, as PDF/UA
 * wants. Chromium stamps the wall-clock time into every PDF; replacing both dates here is what
 * makes two builds of the same sources byte-identical. The structure tree (tags) and outline
 * Chromium wrote are kept.
 *
 * Chromium's tagged PDFs already carry the language, `Marked` and `DisplayDocTitle`; then only
 * the information dictionary is rewritten (./info.ts). Any other file goes through pdf-lib,
 * loaded only then.
 */
export async function finishPdf(raw: Uint8Array, meta: PdfMetadata): Promise<FinishedPdf> {
  const fields: InfoFields = {
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    // Joined with commas: pdf-lib would join with spaces, merging multi-word keywords.
    keywords: meta.keywords.join(', '),
    creator: meta.creator,
    producer: meta.creator,
    date: meta.date,
  };
  const quick = rewriteInfo(raw, fields);
  if (quick && hasCatalogEntries(quick.catalog, meta.lang)) return { bytes: quick.bytes, pages: quick.pages };
  return finishWithPdfLib(raw, fields, meta.lang);
}

function hasCatalogEntries(catalog: string, lang: string): boolean {
  return (
    catalog.includes(`/Lang (${lang})`) && /\/MarkInfo <<[^>]*\/Marked true/.test(catalog) && /\/ViewerPreferences <<[^>]*\/DisplayDocTitle true/.test(catalog)
  );
}

async function finishWithPdfLib(raw: Uint8Array, fields: InfoFields, lang: string): Promise<FinishedPdf> {
  const { ParseSpeeds, PDFBool, PDFDict, PDFDocument, PDFName, PDFString } = await import('pdf-lib');
  // Fastest: parse in one go; the default yields to the event loop every 100 objects.
  const pdf = await PDFDocument.load(raw, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  pdf.setTitle(fields.title, { showInWindowTitleBar: true });
  pdf.setAuthor(fields.author);
  if (fields.subject) pdf.setSubject(fields.subject);
  pdf.setKeywords([fields.keywords]);
  pdf.setCreator(fields.creator);
  pdf.setProducer(fields.producer);
  pdf.setCreationDate(fields.date);
  pdf.setModificationDate(fields.date);
  pdf.catalog.set(PDFName.of('Lang'), PDFString.of(lang));
  const markInfo = pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  if (markInfo) markInfo.set(PDFName.of('Marked'), PDFBool.True);
  const bytes = await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, pages: pdf.getPageCount() };
}
