import { ParseSpeeds, PDFBool, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';

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
  /** Page size in PDF points of the first page. */
  size: { width: number; height: number };
}

/**
 * Sets the document information Chromium cannot (author, subject, keywords, fixed dates) and
 * asks viewers to show the title, as PDF/UA wants. Chromium stamps the wall-clock time into every
 * PDF; replacing both dates here is what makes two builds of the same sources byte-identical.
 * pdf-lib keeps the structure tree (tags) and outline Chromium wrote.
 */
export async function finishPdf(raw: Uint8Array, meta: PdfMetadata): Promise<FinishedPdf> {
  // Fastest: parse in one go; the default yields to the event loop every 100 objects.
  const pdf = await PDFDocument.load(raw, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces, which merges multi-word keywords; join them with commas.
  pdf.setKeywords([meta.keywords.join(', ')]);
  pdf.setCreator(meta.creator);
  pdf.setProducer(meta.creator);
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);
  pdf.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  const markInfo = pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  if (markInfo) markInfo.set(PDFName.of('Marked'), PDFBool.True);
  const bytes = await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  const first = pdf.getPage(0).getSize();
  return { bytes, pages: pdf.getPageCount(), size: first };
}
