import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { PreparedDocument } from '../document.js';
import { checkDisclaimer, checkImageAlt, checkLinks, checkSources, type LinkTarget } from './content.js';
import { checkReadability, type Readability } from './readability.js';
import { checkReviewDates } from './review-dates.js';
import type { ResolvedRules } from './rule-settings.js';
import { applySeverity } from './severity.js';

export interface CheckContext {
  rules: ResolvedRules;
  strict: boolean;
  /** `YYYY-MM-DD`. */
  today: string;
  linkTarget: LinkTarget;
  /** The rendered handout page, when a handout is made; the disclaimer is looked for in it. */
  handoutHtml?: () => string;
  disclaimer: string;
  /** Project-relative path of the handout template, where a missing disclaimer is reported. */
  handoutTemplate: string;
}

/**
 * The content rules of one prepared document, run as one stage after transform. Pure: the
 * rendered handout and the link lookup come in through `context`. Messages land on the
 * document's VFile with the configured severities; returns the reading figures.
 */
export function checkDocument(doc: PreparedDocument, context: CheckContext): Readability {
  checkSources(doc);
  checkImageAlt(doc);
  checkLinks(doc, context.linkTarget);
  checkReviewDates(doc, context.rules, context.today);
  const readability = checkReadability(doc, context.rules);
  if (context.handoutHtml) {
    const text = toText(fromHtml(context.handoutHtml()));
    checkDisclaimer(doc, text, context.disclaimer, context.handoutTemplate);
  }
  applySeverity(doc.file, context.rules, context.strict);
  return readability;
}

export type { Readability };
