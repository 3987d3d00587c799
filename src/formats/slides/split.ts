import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { isAudienceBlock } from '../../transform/audience.js';

/** One content slide: a `##` section, split between what is shown and what is said. */
export interface SlidePlan {
  heading: Heading;
  /** Marp directives content set on this slide (checked in transform; see slide-directives.ts). */
  directives: Record<string, string | boolean>;
  /** Lists, tables, images, sub-headings and `:::slide` blocks. */
  body: RootContent[];
  /** Running prose and `:::notes` blocks. */
  notes: RootContent[];
  /** The theme layout a `:::slide{layout=...}` block picked (checked in transform; see slide-layouts.ts). */
  layout?: string;
  /** Where the first `---` in the section falls in `body`: `two-column` starts its right column there. */
  columnBreak?: number;
}

export interface DeckPlan {
  /** What comes before the first section: speaker notes of the title slide. */
  introNotes: RootContent[];
  /** Directives written before the first section: they apply to the title slide. */
  introDirectives: Record<string, string | boolean>;
  slides: SlidePlan[];
}

/** Block types that go on a slide; everything else (prose) is spoken, not shown. */
const SHOWN = new Set(['list', 'table', 'code', 'blockquote', 'heading']);

/**
 * Pure: the default split of the content format. Each `#`/`##` heading starts a slide; lists,
 * tables and images go on it; running prose goes to the speaker notes. `:::slide` is shown only
 * on slides, `:::notes` only in notes, `:::handout` never. A section with nothing to show keeps
 * its first paragraph on the slide, so no slide is ever blank.
 */
export function planDeck(tree: Root): DeckPlan {
  const plan: DeckPlan = { introNotes: [], introDirectives: {}, slides: [] };
  let current: SlidePlan | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      current = { heading: node, directives: {}, body: [], notes: [] };
      plan.slides.push(current);
      continue;
    }
    // Before the first section, a layout has no slide to lay out (transform warns): it is not kept.
    const target = current ?? { body: plan.introNotes, notes: plan.introNotes, directives: plan.introDirectives };
    place(node, target);
  }
  for (const slide of plan.slides) {
    const firstProse = slide.notes.find((node): node is Paragraph => node.type === 'paragraph');
    if (slide.body.length === 0 && firstProse) slide.body.push(firstProse);
    // `big-number` sets a paragraph large: with none shown, the section's first prose is its figure.
    else if (slide.layout === 'big-number' && firstProse && !slide.body.some(isTextParagraph)) slide.body.unshift(firstProse);
  }
  return plan;
}

type Target = Pick<SlidePlan, 'body' | 'notes' | 'directives' | 'layout' | 'columnBreak'>;

function place(node: RootContent, target: Target): void {
  if (isAudienceBlock(node)) {
    // The first `:::slide{layout=...}` of a section lays out its slide.
    if (node.name === 'slide' && node.attributes?.layout) target.layout ??= node.attributes.layout;
    for (const child of node.children as RootContent[]) {
      if (node.name === 'slide' && child.type === 'thematicBreak') target.columnBreak ??= target.body.length;
      if (node.name === 'slide' && child.type === 'html' && child.data?.directives) Object.assign(target.directives, child.data.directives);
      else if (node.name === 'slide') target.body.push(child);
      else if (node.name === 'notes') target.notes.push(child);
    }
    return;
  }
  if (node.type === 'html' && node.data?.directives) {
    Object.assign(target.directives, node.data.directives);
    return;
  }
  // A rule inside a section would split the slide in Marp; sections already mark the slides. It
  // only marks where a `two-column` slide's right column starts.
  if (node.type === 'thematicBreak') {
    target.columnBreak ??= target.body.length;
    return;
  }
  if (SHOWN.has(node.type) || isImageOnly(node)) target.body.push(node);
  else if (node.type === 'paragraph' || node.type === 'html') target.notes.push(node);
  else target.body.push(node);
}

/** A paragraph of text, not a picture. */
export function isTextParagraph(node: RootContent): node is Paragraph {
  return node.type === 'paragraph' && !isImageOnly(node);
}

/** A paragraph that holds only images (and white space) is a picture, so it is shown. */
export function isImageOnly(node: RootContent): boolean {
  return (
    node.type === 'paragraph' &&
    node.children.length > 0 &&
    node.children.every((child) => child.type === 'image' || (child.type === 'text' && !child.value.trim()))
  );
}
