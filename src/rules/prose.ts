import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Blockquote, Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toNlcst } from 'mdast-util-to-nlcst';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Root as NlcstRoot } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import { ParseLatin } from 'parse-latin';
import type { Node, Position } from 'unist';
import { EXIT, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { MessageOptions } from '../core/diagnostics.js';
import { baseLanguage } from '../core/lang.js';
import { forAudience, isAudienceBlock } from '../transform/audience.js';
import type { PreparedDocument } from '../transform/prepared.js';
import { markdownToHtml } from '../transform/to-html.js';

/** Text as sentences, and where to point at one of them (or at a word in one). */
export interface Passage {
  tree: NlcstRoot;
  /** The project-relative file the text is written in. */
  file: string;
  /** Where a sentence or word is written; undefined when it cannot be placed in `file`. */
  place(node: Node): MessageOptions['place'];
}

/** The parser of a language: English has its own, other languages written in Latin script share one. */
export type ProseParser = ParseEnglish | ParseLatin;

const parsers = { en: new ParseEnglish(), other: new ParseLatin() };

export function parserFor(lang: string): ProseParser {
  return baseLanguage(lang) === 'en' ? parsers.en : parsers.other;
}

/** Sections that list references are not read as prose. */
const REFERENCE_HEADING = /^(references|sources|bibliography|further reading)$/i;

/**
 * Blocks parsed in one mdast-util-to-nlcst call. Each call indexes the file's lines from its start
 * again, so one call per block grows with the square of the file's length; and parse-english
 * splits a long stretch without full stops (list items, table cells) in time that grows with its
 * square too. Runs of this many blocks keep both near linear (a 660 KB table: 2.7 s, not 27 s).
 */
const RUN_BLOCKS = 100;

/**
 * Which text: `printed` is what a patient reads on paper, the reading grade's text: the summary,
 * the body as the handout shows it and the brochure's own blocks. `all` is every word a patient
 * reads or hears: the title, the summary, and the body for every audience (slides, speaker notes
 * and brochure blocks too). Both leave out the references section, code, link addresses and the
 * front matter's keys.
 */
export type ProseScope = 'printed' | 'all';

/**
 * Pure: the text of a document as sentences in its language, each passage knowing where its
 * words are written (in a partial, when they come from one), with tables, and raw HTML as the
 * sanitiser prints it.
 */
export function proseOf(doc: PreparedDocument, scope: ProseScope): Passage[] {
  // Several rules read the same text: it is parsed once per document and scope (rules only read it).
  const made = parsed.get(doc) ?? new Map<ProseScope, Passage[]>();
  parsed.set(doc, made);
  let passages = made.get(scope);
  if (!passages) {
    passages = parse(doc, scope);
    made.set(scope, passages);
  }
  return passages;
}

const parsed = new WeakMap<PreparedDocument, Map<ProseScope, Passage[]>>();

function parse(doc: PreparedDocument, scope: ProseScope): Passage[] {
  const parser = parserFor(doc.lang);
  const passages: Passage[] = [];
  const fromFront = (key: 'title' | 'summary') => {
    const value = doc.meta[key];
    if (value) passages.push({ tree: parser.parse(value), file: doc.ref.source, place: () => doc.metaPlaces[key] });
  };
  if (scope === 'all') fromFront('title');
  fromFront('summary');
  // A run holds blocks of one file in the order of its text, which mdast-util-to-nlcst needs: a
  // partial included twice in a row would go back in its lines, and make it throw.
  let run: { file: string; nodes: RootContent[]; endLine: number } | undefined;
  const flush = () => {
    if (run) passages.push(fromSource(run.nodes, run.file, doc.texts, parser));
    run = undefined;
  };
  const add = (node: RootContent, position: Position, file: string) => {
    if (run && (run.file !== file || position.start.line <= run.endLine || run.nodes.length >= RUN_BLOCKS)) flush();
    run ??= { file, nodes: [], endLine: 0 };
    run.nodes.push(node);
    run.endLine = position.end.line;
  };
  const walk = (nodes: readonly RootContent[], inherited: string) => {
    for (const node of nodes) {
      // Partials can be included inside a list or quote, so the file is known per node, not per block.
      const file = node.data?.file ?? inherited;
      if (node.type === 'html' || !node.position) passages.push(sanitised(node, file, parser));
      else if (node.type === 'tableRow') {
        const shown: Paragraph[] = [];
        for (const { children, position } of node.children) {
          const cell: Paragraph = { type: 'paragraph', children, position };
          if (hidesText(cell)) passages.push(sanitised(cell, file, parser));
          else shown.push(cell);
        }
        add(cellsApart(shown, node.position), node.position, file);
      } else if (node.type === 'paragraph' || node.type === 'heading') {
        if (hidesText(node)) passages.push(sanitised(node, file, parser));
        else add(withoutAddresses(node), node.position, file);
      } else if ('children' in node) walk(node.children as RootContent[], file);
      // Other leaves (code, thematic breaks, link definitions) carry no prose.
    }
  };
  const body = scope === 'all' ? everyAudience(doc.tree.children) : [...forAudience(doc.tree, 'handout').children, ...brochureBlocks(doc.tree.children)];
  walk(withoutReferences(body), doc.ref.source);
  flush();
  return passages;
}

/** Pure: the body with every audience's blocks opened in place: what all readers and listeners meet. */
export function everyAudience(nodes: readonly RootContent[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (isAudienceBlock(node)) return everyAudience(node.children as RootContent[]);
    if ('children' in node && Array.isArray(node.children)) return [{ ...node, children: everyAudience(node.children as RootContent[]) } as RootContent];
    return [node];
  });
}

/** The content of the `:::brochure` blocks, which only the brochure prints. */
function brochureBlocks(nodes: readonly RootContent[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (isAudienceBlock(node)) return node.name === 'brochure' ? (node.children as RootContent[]) : [];
    return 'children' in node && Array.isArray(node.children) ? brochureBlocks(node.children as RootContent[]) : [];
  });
}

/**
 * A table row's cells as paragraphs, for mdast-util-to-nlcst, which skips tables. It ends a
 * sentence between blocks only when they start on different lines, and the cells of a row share
 * one: each cell is given a line of its own so that it is read as a phrase apart. Only that test
 * reads these lines (words are placed by their offsets, which stay true), and the wrapper keeps the
 * row's real place so that the blocks around it are compared by their real lines.
 */
function cellsApart(cells: Paragraph[], row: Position): Blockquote {
  return {
    type: 'blockquote',
    position: row,
    children: cells.map((cell, index) => ({
      ...cell,
      position: cell.position && {
        start: { ...cell.position.start, line: index + 1 },
        end: { ...cell.position.end, line: index + 1 },
      },
    })),
  };
}

function fromSource(nodes: RootContent[], file: string, texts: ReadonlyMap<string, string>, parser: ProseParser): Passage {
  const root: Root = {
    type: 'root',
    children: nodes,
    position: { start: nodes[0]!.position!.start, end: nodes[nodes.length - 1]!.position!.end },
  };
  const tree = toNlcst(root, new VFile({ path: file, value: texts.get(file) ?? '' }), parser);
  return { tree, file, place: (node) => node.position };
}

/**
 * A block as the sanitiser prints it: raw HTML, or a block whose inline tags hide some of its
 * text. That text is not the source's, so its sentences are pointed at where the block starts.
 */
function sanitised(node: RootContent, file: string, parser: ProseParser): Passage {
  // hast-util-to-text ends each block with one line break, and parse-english ends a paragraph only at
  // a blank line: widen them so that each block (a list item, say) is a sentence, as in Markdown.
  const text = readerText(node).replace(/\n+/g, '\n\n');
  const start = node.position?.start;
  return { tree: parser.parse(text), file, place: () => start };
}

function readerText(node: RootContent): string {
  return toText(fromHtml(markdownToHtml({ type: 'root', children: [node] }), { fragment: true }));
}

/**
 * Whether the sanitiser drops text written between inline tags (`a <script>b</script> c`). Such
 * text is in mdast text nodes; only a comparison with the sanitised output tells it apart.
 */
function hidesText(node: Paragraph | Heading): boolean {
  let html = false;
  visit(node, 'html', () => {
    html = true;
    return EXIT;
  });
  if (!html) return false;
  const written: string[] = [];
  visit(node, (child: Nodes) => {
    if (child.type === 'text' || child.type === 'inlineCode') written.push(child.value);
  });
  const squash = (text: string) => text.replace(/\s+/g, '');
  return squash(written.join('')) !== squash(readerText(node));
}

/** A block without the links whose text is their address (`<https://...>`): an address is not prose. */
function withoutAddresses<T extends Paragraph | Heading>(node: T): T {
  const address = (link: PhrasingContent) =>
    link.type === 'link' && (mdastToString(link) === link.url || /^(https?:\/\/|www\.|mailto:)/.test(mdastToString(link)));
  if (!node.children.some(address)) return node;
  return { ...node, children: node.children.filter((child) => !address(child)) };
}

function withoutReferences(nodes: RootContent[]): RootContent[] {
  let skipping: number | undefined;
  return nodes.filter((node) => {
    if (node.type === 'heading') {
      if (skipping !== undefined && node.depth <= skipping) skipping = undefined;
      if (REFERENCE_HEADING.test(mdastToString(node).trim())) skipping = node.depth;
    }
    return skipping === undefined;
  });
}
