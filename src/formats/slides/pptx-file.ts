import JSZip from 'jszip';
import pptxgen from 'pptxgenjs';

// pptxgenjs's types describe its CommonJS build; the ES build Node loads exports the class itself.
const PptxGenJS = pptxgen as unknown as typeof pptxgen.default;

export interface PptxInput {
  title: string;
  /** The clinic: author and company of the file. */
  clinic: string;
  subject?: string;
  /** The build's date: written in the file's properties and on every zip entry. */
  date: Date;
  slides: { png: Uint8Array; notes: string; alt: string }[];
}

/**
 * A PowerPoint file with one slide per deck slide, each the rendered slide as a picture at
 * presentation resolution (the slides are pictures, not editable text) with its speaker notes
 * in PowerPoint's notes field, and the deck's title and the clinic in the file's properties.
 * pptxgenjs stamps the clock into `docProps/core.xml` and every zip entry; both are set to the
 * build's date afterwards, so a rebuild gives the same bytes.
 */
export async function deckPptx(input: PptxInput): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = input.title;
  pptx.author = input.clinic;
  pptx.company = input.clinic;
  if (input.subject) pptx.subject = input.subject;
  for (const slide of input.slides) {
    const page = pptx.addSlide();
    page.addImage({ data: `image/png;base64,${Buffer.from(slide.png).toString('base64')}`, x: 0, y: 0, w: '100%', h: '100%', altText: slide.alt });
    if (slide.notes) page.addNotes(slide.notes);
  }
  // Written uncompressed: the zip is made again below, and compressing it twice was wasted work.
  const written = (await pptx.write({ outputType: 'nodebuffer', compression: false })) as Buffer;
  return fixDates(written, input.date);
}

async function fixDates(bytes: Buffer, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fixed = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name]!;
    if (entry.dir) {
      fixed.file(name, null, { dir: true, date });
      continue;
    }
    let content: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = new TextDecoder().decode(content).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    }
    // The slide pictures are PNGs, already compressed: stored as they are, the XML deflated.
    fixed.file(name, content, { date, createFolders: false, compression: name.endsWith('.png') ? 'STORE' : 'DEFLATE' });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
