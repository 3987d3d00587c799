import type { Heading, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { baseLanguage } from '../core/lang.js';
import { everyAudience } from './prose.js';
import type { SourceRule } from './rule.js';
import { normalise } from './terms.js';

/** Headings that open a section telling the reader what to do (matched at the heading's start); `rules: actionable: headings:` replaces them. */
export const ACTION_HEADINGS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'What you can do',
    'Things you can do',
    'What to do',
    'What you should do',
    'Questions to ask',
    'When to call',
    'When to get help',
    'Next steps',
    'Your next steps',
    'How to',
  ],
  es: [
    'Qué puede hacer',
    'Lo que puede hacer',
    'Qué hacer',
    'Qué debe hacer',
    'Preguntas para',
    'Preguntas que',
    'Cuándo llamar',
    'Cuándo pedir ayuda',
    'Próximos pasos',
    'Cómo',
  ],
};

/** Verbs that start an instruction (the imperative; Spanish in the `usted` form patient material uses). */
const IMPERATIVES: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(
    (
      'ask call talk tell take bring write keep check see go stop avoid try use make find get learn read follow watch plan join choose share ' +
      "do don't be rest walk eat drink sleep remember contact visit look let speak list note seek wait start stay put give report book sign " +
      'return prepare protect limit move stretch breathe wear store wash lift never always'
    ).split(' '),
  ),
  es: new Set(
    (
      'pregunte pregúntele pregúntenos llame llámenos hable háblele consulte diga dígale cuente cuéntele tome lleve traiga escriba anote guarde ' +
      'revise vea vaya deje evite intente use busque obtenga aprenda lea siga elija comparta haga no sea descanse camine coma beba duerma ' +
      'recuerde pida visite mire espere empiece comience quédese póngase acuda informe muévase estire respire lave cuide nunca siempre'
    ).split(' '),
  ),
};

/**
 * `actionable`: a document with no section telling the reader what to do (AHRQ's PEMAT-P asks for
 * one): a heading from the list for its language, with at least one sentence or list item under it
 * that starts with a verb telling the reader to act. Languages with no list are not checked.
 */
export const actionable: SourceRule<{ headings: Readonly<Record<string, readonly string[]>> }> = {
  id: 'actionable',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'a section telling the reader what to do, under a heading such as "What you can do", with at least one step',
  defaults: { headings: {} },
  options: (z) => ({
    /** Headings of a section telling the reader what to do, per language, replacing the built-in ones: `en: [What you can do]`. */
    headings: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
  }),
  check(doc, _context, { report, options }) {
    const lang = baseLanguage(doc.lang);
    const headings = (options.headings[doc.lang] ?? options.headings[lang] ?? ACTION_HEADINGS[lang])?.map(normalise);
    const verbs = IMPERATIVES[lang];
    if (!headings || !verbs) return;
    const body = everyAudience(doc.tree.children);
    const sections = body.flatMap((node, i) =>
      node.type === 'heading' && headings.some((h) => normalise(nodeText(node)).startsWith(h)) ? [{ heading: node, content: sectionAfter(body, i, node) }] : [],
    );
    if (sections.some((section) => section.content.some((node) => tellsToAct(node, verbs)))) return { actions: true };
    const examples = `“${ACTION_HEADINGS[lang]![0]}”`;
    const [first] = sections;
    if (first) {
      report(
        `The section “${nodeText(first.heading)}” tells the reader nothing to do: start a step or list item with a verb (“Ask …”, “Call …”, “Write down …”)`,
        {
          place: first.heading.position,
          in: first.heading.data?.file,
        },
      );
    } else {
      report(`No section tells the reader what to do: add one under a heading such as ${examples}, with steps that start with a verb (“Ask …”, “Call …”)`, {
        place: doc.metaPlaces.title ?? { line: 1, column: 1 },
      });
    }
    return { actions: false };
  },
};

/** The blocks under a heading, up to the next heading of the same or a higher level. */
function sectionAfter(body: readonly RootContent[], index: number, heading: Heading): RootContent[] {
  const content: RootContent[] = [];
  for (const node of body.slice(index + 1)) {
    if (node.type === 'heading' && node.depth <= heading.depth) break;
    content.push(node);
  }
  return content;
}

/** Whether a block holds a sentence or list item that starts with a verb telling the reader to act. */
function tellsToAct(node: RootContent, verbs: ReadonlySet<string>): boolean {
  if (node.type === 'list') return node.children.some((item) => item.children.some((child) => tellsToAct(child, verbs)));
  if (node.type !== 'paragraph' && node.type !== 'blockquote') return false;
  return nodeText(node)
    .split(/(?<=[.!?:])\s+/)
    .some((sentence) => {
      const words = normalise(sentence)
        .replace(/^[^\p{L}]+/u, '')
        .replace(/^(please|por favor),?\s+/, '')
        .split(/[^\p{L}']+/u);
      return verbs.has(words[0] ?? '');
    });
}
