import { stringifyEntities } from 'stringify-entities';

/** What the package's own parts say about the deck, written by the project rather than by pptxgenjs. */
export interface PartFacts {
  /** The clinic, for `<Company>`: pptxgenjs writes that one value unescaped, so it is left empty there. */
  clinic: string;
  /** BCP 47 language of the deck: `dc:language`, and every notes run's `lang`. */
  lang: string;
  rtl: boolean;
  /** `2026-11-02T00:00:00Z`: the build's date, for `dcterms:created` and `modified`. */
  stamp: string;
  /** Each slide's speaker notes as plain text, paragraphs separated by blank lines. */
  notes: readonly string[];
  /**
   * Text boxes the project writes itself, by slide (from 1) and shape name: their body (given the
   * relationship ids of the links pptxgenjs made for the box, in order), and whether the box is
   * the slide's title placeholder.
   */
  bodies?: ReadonlyMap<
    number,
    ReadonlyMap<string, { xml: (links: readonly string[]) => string; title: boolean; box?: { x: number; y: number; w: number; h: number } }>
  >;
  /** The theme's colour scheme in the brand's colours (`dk1`, `lt1`, `accent1`...: `RRGGBB`). */
  theme?: Readonly<Record<string, string>>;
}

/** Text for an XML element or attribute: `& < > " '` as references, once. */
export function xmlText(value: string): string {
  return stringifyEntities(value, { escapeOnly: true, useNamedReferences: false });
}

/**
 * Pure: the part `name` of the package as the project wants it. pptxgenjs writes `<Company>`
 * without escaping (a clinic called "Pain & Spine" made every file corrupt), stamps the clock into
 * `core.xml`, writes no language, and puts a slide's notes in one run tagged `en-US`, with line
 * breaks inside it. Those parts are written here; every other part is returned as it is.
 */
export function rewritePart(name: string, xml: string, facts: PartFacts): string {
  if (name === 'docProps/app.xml') return replaceOnce(xml, /<Company>[^<]*<\/Company>/, () => `<Company>${xmlText(facts.clinic)}</Company>`);
  if (name === 'docProps/core.xml') {
    const dated = xml.replace(
      /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      (_, open: string, _kind, close: string) => `${open}${facts.stamp}${close}`,
    );
    return replaceOnce(dated, /<\/cp:coreProperties>/, () => `<dc:language>${xmlText(facts.lang)}</dc:language></cp:coreProperties>`);
  }
  const notes = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(name);
  if (notes) return replaceOnce(xml, NOTES_BODY, (_, head: string) => `${head}${notesBody(facts.notes[Number(notes[1]) - 1] ?? '', facts)}</p:txBody>`);
  const slide = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name);
  const bodies = slide && facts.bodies?.get(Number(slide[1]));
  if (bodies) return slideBodies(xml, bodies);
  if (name === 'ppt/theme/theme1.xml' && facts.theme)
    return replaceOnce(xml, /<a:clrScheme name="[^"]*">[\s\S]*?<\/a:clrScheme>/, () => colorScheme(facts.theme!));
  return xml;
}

/**
 * The text boxes of a slide with the project's bodies, found by their names: pptxgenjs cannot write
 * a bullet's colour, an exact first-line indent or a run's script font, and it moves a title
 * placeholder to its layout's place, so the box is made by it (position, name, link relationships)
 * and its body written here; the title placeholder goes back to the box the deck gave it.
 */
function slideBodies(xml: string, bodies: NonNullable<PartFacts['bodies']> extends ReadonlyMap<number, infer V> ? V : never): string {
  return xml.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (shape) => {
    // The title placeholder is known by its type (pptxgenjs names placeholders itself), other boxes by name.
    const name = /<p:ph[^>]*type="title"/.test(shape) ? TITLE : /<p:cNvPr id="\d+" name="([^"]*)"/.exec(shape)?.[1];
    const body = name === undefined ? undefined : bodies.get(name);
    if (!body) return shape;
    const links = [...shape.matchAll(/<a:hlinkClick r:id="(rId\d+)"/g)].map((m) => m[1]!);
    const written = replaceOnce(shape, /<p:txBody>[\s\S]*<\/p:txBody>/, () => body.xml(links));
    const { box } = body;
    return box
      ? replaceOnce(
          written,
          /<a:off x="\d+" y="\d+"\/><a:ext cx="\d+" cy="\d+"\/>/,
          () => `<a:off x="${box.x}" y="${box.y}"/><a:ext cx="${box.w}" cy="${box.h}"/>`,
        )
      : written;
  });
}

/** The key of a slide's title placeholder among its bodies. */
export const TITLE = '#title';

/** The theme's colour scheme, named after the brand. */
function colorScheme(colors: Readonly<Record<string, string>>): string {
  const slots = ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];
  return `<a:clrScheme name="Brand">${slots.map((slot) => `<a:${slot}><a:srgbClr val="${colors[slot] ?? '000000'}"/></a:${slot}>`).join('')}</a:clrScheme>`;
}

/** The text body of the notes placeholder (`type="body"`), up to its end. */
const NOTES_BODY = /(<p:ph type="body" idx="1"\/><\/p:nvPr><\/p:nvSpPr><p:spPr\/>)<p:txBody>[\s\S]*?<\/p:txBody>/;

/** One paragraph per paragraph of the notes, in the deck's language and direction. */
function notesBody(text: string, facts: PartFacts): string {
  const lang = xmlText(facts.lang);
  const direction = facts.rtl ? '<a:pPr algn="r" rtl="1"/>' : '';
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((paragraph) => `<a:p>${direction}<a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${xmlText(paragraph)}</a:t></a:r></a:p>`);
  return `<p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs.join('') || `<a:p>${direction}<a:endParaRPr lang="${lang}" dirty="0"/></a:p>`}`;
}

/** Replaces the one place `pattern` matches; a part that no longer has it is a pptxgenjs change the project must follow. */
function replaceOnce(xml: string, pattern: RegExp, replacement: (match: string, ...groups: string[]) => string): string {
  if (!pattern.test(xml)) throw new Error(`the PowerPoint part no longer matches ${pattern}: pptxgenjs changed what it writes`);
  return xml.replace(pattern, replacement);
}
