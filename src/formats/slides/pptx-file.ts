import JSZip from 'jszip';
import pptxgen from 'pptxgenjs';
import { rewritePart } from './pptx-parts.js';

// pptxgenjs's types describe its CommonJS build; the ES build Node loads exports the class itself.
const PptxGenJS = pptxgen as unknown as typeof pptxgen.default;

export interface PptxInput {
  title: string;
  /** The clinic: author and company of the file. */
  clinic: string;
  subject?: string;
  /** BCP 47 language of the deck, and whether it is written right to left. */
  lang: string;
  rtl: boolean;
  /** The build's date: written in the file's properties and on every zip entry. */
  date: Date;
  slides: { png: Uint8Array; notes: string; alt: string }[];
}

/**
 * A PowerPoint file with one slide per deck slide, each the rendered slide as a picture at
 * presentation resolution (the slides are pictures, not editable text) with its speaker notes
 * in PowerPoint's notes field, and the deck's title, clinic and language in the file's
 * properties. pptxgenjs lays out the package; the parts it gets wrong (see pptx-parts.ts) are
 * written again, and every zip entry carries the build's date, so a rebuild gives the same bytes.
 */
export async function deckPptx(input: PptxInput): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = input.title;
  pptx.author = input.clinic;
  // Written by rewritePart: pptxgenjs would put it in `app.xml` unescaped.
  pptx.company = '';
  pptx.rtlMode = input.rtl;
  if (input.subject) pptx.subject = input.subject;
  for (const slide of input.slides) {
    const page = pptx.addSlide();
    page.addImage({ data: `image/png;base64,${Buffer.from(slide.png).toString('base64')}`, x: 0, y: 0, w: '100%', h: '100%', altText: slide.alt });
    // A placeholder run: the notes' paragraphs are written by rewritePart, in the deck's language.
    page.addNotes(' ');
  }
  // Written uncompressed: the zip is made again below, and compressing it twice was wasted work.
  const written = (await pptx.write({ outputType: 'nodebuffer', compression: false })) as Buffer;
  return finish(written, input);
}

async function finish(bytes: Buffer, input: PptxInput): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const { date } = input;
  const facts = { clinic: input.clinic, lang: input.lang, rtl: input.rtl, stamp: date.toISOString().replace(/\.\d{3}Z$/, 'Z'), notes: input.slides.map((s) => s.notes) };
  const fixed = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name]!;
    if (entry.dir) {
      fixed.file(name, null, { dir: true, date });
      continue;
    }
    const content = /\.(xml|rels)$/.test(name) ? rewritePart(name, await entry.async('string'), facts) : await entry.async('uint8array');
    // The slide pictures are PNGs, already compressed: stored as they are, the XML deflated.
    fixed.file(name, content, { date, createFolders: false, compression: name.endsWith('.png') ? 'STORE' : 'DEFLATE' });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
