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
    const dated = xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_, open: string, _kind, close: string) => `${open}${facts.stamp}${close}`);
    return replaceOnce(dated, /<\/cp:coreProperties>/, () => `<dc:language>${xmlText(facts.lang)}</dc:language></cp:coreProperties>`);
  }
  const notes = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(name);
  if (notes) return replaceOnce(xml, NOTES_BODY, (_, head: string) => `${head}${notesBody(facts.notes[Number(notes[1]) - 1] ?? '', facts)}</p:txBody>`);
  return xml;
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
