import { createHash, type Hash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';

/**
 * A fingerprint of each page of a PDF: a hash of everything the page is drawn from (its content
 * streams, fonts, pictures and the dictionaries that tie them), walked from the page itself and not
 * from its parent. Two pages with the same fingerprint look the same, so they need not be drawn to
 * be compared. Object numbers do not count: the same page in a file whose other pages changed
 * keeps its fingerprint. (pdf-lib reads the structure; a PDF library is what walks it.)
 */
export async function pageFingerprints(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPages().map((page) => {
    const hash = createHash('sha256');
    feed(hash, page.node, pdf, new Set());
    return hash.digest('hex');
  });
}

/** Keys that lead away from the page's own drawing: back to the document, or into its tags. */
const SKIP = new Set(['Parent', 'P', 'StructParents', 'StructParent', 'Annots', 'B']);

function feed(hash: Hash, object: PDFObject | undefined, pdf: PDFDocument, seen: Set<PDFRef>): void {
  if (object === undefined) return void hash.update('undefined;');
  if (object instanceof PDFRef) {
    // A reference is followed once per page; a second visit (a shared font) adds only a marker.
    if (seen.has(object)) {
      hash.update('seen;');
      return;
    }
    seen.add(object);
    feed(hash, pdf.context.lookup(object), pdf, seen);
    return;
  }
  if (object instanceof PDFRawStream || object instanceof PDFStream) {
    feed(hash, object.dict, pdf, seen);
    const contents = object instanceof PDFRawStream ? object.contents : object.getContents();
    hash.update(`stream ${contents.length};`).update(contents);
    return;
  }
  if (object instanceof PDFDict) {
    hash.update('<<');
    for (const [key, value] of [...object.entries()].sort(([a], [b]) => a.asString().localeCompare(b.asString()))) {
      if (SKIP.has(key.decodeText())) continue;
      hash.update(key.asString());
      feed(hash, value, pdf, seen);
    }
    return void hash.update('>>');
  }
  if (object instanceof PDFArray) {
    hash.update('[');
    for (const item of object.asArray()) feed(hash, item, pdf, seen);
    return void hash.update(']');
  }
  hash.update(`${object instanceof PDFName ? object.asString() : object.toString()};`);
}
