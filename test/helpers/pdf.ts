import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfFacts {
  pages: number;
  /** Page size of each page in points. */
  sizes: { width: number; height: number }[];
  /** Text of each page. */
  text: string[];
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  lang?: string;
  creationDate?: Date;
  tagged: boolean;
  outline: string[];
  /** Font names, each with whether its font program is embedded. */
  fonts: { name: string; embedded: boolean }[];
}

/** Opens a PDF with two independent readers: pdf-lib for structure, pdf.js for text. */
export async function readPdf(file: string): Promise<PdfFacts> {
  const bytes = readFileSync(file);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = pdf.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const tagged = Boolean(catalog.get(PDFName.of('StructTreeRoot'))) && String(markInfo?.get(PDFName.of('Marked'))) === 'true';
  const lang = catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText();

  const loading = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false });
  const doc = await loading.promise;
  const text: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  const outline = ((await doc.getOutline()) ?? []).flatMap(function flat(item): string[] {
    return [item.title, ...(item.items ?? []).flatMap(flat)];
  });
  await loading.destroy();

  return {
    pages: pdf.getPageCount(),
    sizes: pdf.getPages().map((page) => page.getSize()),
    text,
    title: pdf.getTitle(),
    author: pdf.getAuthor(),
    subject: pdf.getSubject(),
    keywords: pdf.getKeywords(),
    lang,
    creationDate: pdf.getCreationDate(),
    tagged,
    outline,
    fonts: fontsOf(pdf),
  };
}

function fontsOf(pdf: PDFDocument): { name: string; embedded: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const page of pdf.getPages()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fonts?.entries() ?? []) {
      const font = pdf.context.lookup(ref as PDFRef, PDFDict);
      const name = String(font.get(PDFName.of('BaseFont')));
      const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
      const target = descendants ? pdf.context.lookup(descendants.get(0), PDFDict) : font;
      const descriptor = target.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
      seen.set(name, embedded);
    }
  }
  return [...seen].map(([name, embedded]) => ({ name, embedded }));
}
