import { xmlText } from './parts.js';
import type { Paragraph, Run } from './model.js';

/** EMU (the unit of DrawingML) per CSS pixel: 914400 an inch, 96 pixels an inch. */
export const EMU = 9525;
/** Hundredths of a point per CSS pixel (font sizes and spacing). */
const CENTIPOINTS = 75;

export interface TextFacts {
  lang: string;
  /** The font for text in a script the brand font lacks (Arabic...), named as `a:cs`. */
  scriptFont?: string;
  /** Relationship ids of the links in this text box, in the order its runs hold them. */
  links: readonly string[];
}

/**
 * Pure: a text box's body in DrawingML, paragraph by paragraph as the deck lays them out: exact
 * line spacing and space after, alignment and direction, bullets and numbers with their colour,
 * level and indent, and runs with their font, size, colour, weight, slant, underline and link.
 * No inset and no autofit: the box is the one Chromium measured, so the text sits where it sat.
 */
export function textBody(paragraphs: readonly Paragraph[], facts: TextFacts & { oneLine: boolean }): string {
  const links = [...facts.links];
  const body = paragraphs.map((p, i) => paragraph(p, i === paragraphs.length - 1, facts, links)).join('');
  // Text the deck sets on one line stays on one line, whatever font stands in for the brand's.
  const wrap = facts.oneLine ? 'none' : 'square';
  return `<p:txBody><a:bodyPr wrap="${wrap}" lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/>${body}</p:txBody>`;
}

function paragraph(p: Paragraph, last: boolean, facts: TextFacts, links: string[]): string {
  const algn = { left: 'l', center: 'ctr', right: 'r' }[p.align];
  let bullet = '<a:buNone/>';
  let margins = '';
  if (p.bullet) {
    const size = p.runs[0]?.size ?? 16;
    // The marker hangs in the indent, as CSS draws it outside the item's text.
    margins = ` marL="${Math.round(p.bullet.indent * EMU)}" indent="-${Math.round(Math.min(p.bullet.indent, size * 0.9) * EMU)}"${p.bullet.level ? ` lvl="${Math.min(8, p.bullet.level)}"` : ''}`;
    const color = `<a:buClr><a:srgbClr val="${p.bullet.color}"/></a:buClr>`;
    // The marker in the item's own font, as CSS draws it.
    const font = `<a:buFont typeface="${xmlText(p.runs[0]?.font ?? 'Arial')}"/>`;
    bullet =
      p.bullet.type === 'number'
        ? `${color}<a:buSzPct val="100000"/>${font}<a:buAutoNum type="arabicPeriod"/>`
        : `${color}<a:buSzPct val="100000"/>${font}<a:buChar char="${xmlText(p.bullet.char)}"/>`;
  }
  const spacing = `<a:lnSpc><a:spcPts val="${Math.round(p.lineHeight * CENTIPOINTS)}"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef><a:spcAft><a:spcPts val="${last ? 0 : Math.round(p.spaceAfter * CENTIPOINTS)}"/></a:spcAft>`;
  const props = `<a:pPr${margins} algn="${algn}" rtl="${p.rtl ? 1 : 0}">${spacing}${bullet}</a:pPr>`;
  const runs = p.runs.map((run) => runXml(run, facts, links)).join('');
  const end = p.runs[0] ? `<a:endParaRPr${runAttributes(p.runs[0], facts)}/>` : `<a:endParaRPr lang="${xmlText(facts.lang)}"/>`;
  return `<a:p>${props}${runs}${end}</a:p>`;
}

function runXml(run: Run, facts: TextFacts, links: string[]): string {
  const link = run.link ? links.shift() : undefined;
  const fill = `<a:solidFill><a:srgbClr val="${run.color}"/></a:solidFill>`;
  const font = `<a:latin typeface="${xmlText(run.font)}"/><a:ea typeface="${xmlText(run.font)}"/><a:cs typeface="${xmlText(facts.scriptFont ?? run.font)}"/>`;
  const click = link ? `<a:hlinkClick r:id="${link}"/>` : '';
  const props = `<a:rPr${runAttributes(run, facts)}>${fill}${font}${click}</a:rPr>`;
  // A field carries a fixed id: the same deck gives the same bytes.
  const text = run.field
    ? `<a:fld id="{5C9A2D1E-7B3F-4E6A-9D2C-1F8B0A6E4C37}" type="${run.field}">${props}<a:t>${xmlText(run.text)}</a:t></a:fld>`
    : run.text
      ? `<a:r>${props}<a:t>${xmlText(run.text)}</a:t></a:r>`
      : '';
  return run.breakAfter ? `${text}<a:br>${props}</a:br>` : text;
}

function runAttributes(run: Run, facts: TextFacts): string {
  return ` lang="${xmlText(facts.lang)}" sz="${Math.round(run.size * CENTIPOINTS)}" b="${run.bold ? 1 : 0}" i="${run.italic ? 1 : 0}"${run.underline ? ' u="sng"' : ''} dirty="0"`;
}
