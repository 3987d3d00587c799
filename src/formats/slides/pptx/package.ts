import JSZip from 'jszip';
import pptxgen from 'pptxgenjs';
import { rewritePart, type PartFacts } from './parts.js';

// pptxgenjs's types describe its CommonJS build; the ES build Node loads exports the class itself.
const PptxGenJS = pptxgen as unknown as typeof pptxgen.default;
export type Presentation = InstanceType<typeof PptxGenJS>;

/** What every PowerPoint file of a deck carries, whatever its slides are made of. */
export interface DeckFacts {
  title: string;
  /** The clinic: author and company of the file. */
  clinic: string;
  subject?: string;
  /** BCP 47 language of the deck, and whether it is written right to left. */
  lang: string;
  rtl: boolean;
  /** The build's date: written in the file's properties and on every zip entry. */
  date: Date;
  /** Each slide's speaker notes as plain text. */
  notes: readonly string[];
}

/**
 * A presentation with the deck's properties (16:9 at 1280 x 720 CSS pixels: 13.333 x 7.5 in),
 * ready for slides. pptxgenjs lays out the package (masters, layouts, theme, relationships).
 */
export function newPresentation(facts: DeckFacts): Presentation {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'DECK', width: 1280 / 96, height: 720 / 96 });
  pptx.layout = 'DECK';
  pptx.title = facts.title;
  pptx.author = facts.clinic;
  // Written by rewritePart: pptxgenjs would put it in `app.xml` unescaped.
  pptx.company = '';
  pptx.rtlMode = facts.rtl;
  if (facts.subject) pptx.subject = facts.subject;
  return pptx;
}

/**
 * The file's bytes: pptxgenjs writes the package, the parts it gets wrong or the project writes
 * itself are written again (see parts.ts), and every zip entry carries the build's date, so a
 * rebuild gives the same bytes.
 */
export async function writePresentation(pptx: Presentation, facts: DeckFacts, extra: Pick<PartFacts, 'bodies' | 'theme'> = {}): Promise<Uint8Array> {
  // Written uncompressed: the zip is made again below, and compressing it twice was wasted work.
  const written = (await pptx.write({ outputType: 'nodebuffer', compression: false })) as Buffer;
  const source = await JSZip.loadAsync(written);
  const { date } = facts;
  const parts: PartFacts = {
    clinic: facts.clinic,
    lang: facts.lang,
    rtl: facts.rtl,
    stamp: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    notes: facts.notes,
    ...extra,
  };
  const fixed = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name]!;
    if (entry.dir) {
      fixed.file(name, null, { dir: true, date });
      continue;
    }
    const content = /\.(xml|rels)$/.test(name) ? rewritePart(name, await entry.async('string'), parts) : await entry.async('uint8array');
    // Pictures are already compressed: stored as they are, the XML deflated.
    fixed.file(name, content, { date, createFolders: false, compression: /\.(png|jpe?g|gif)$/.test(name) ? 'STORE' : 'DEFLATE' });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
