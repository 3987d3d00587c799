import { brochureOverflow } from './brochure-overflow.js';
import { disclaimer } from './disclaimer.js';
import { htmlRemoved } from './html-removed.js';
import { imageAlt } from './image-alt.js';
import { linkBroken } from './link-broken.js';
import { placeholder } from './placeholder.js';
import { actionable } from './actionable.js';
import { longSentence } from './long-sentence.js';
import { passiveVoice } from './passive-voice.js';
import { plainWords } from './plain-words.js';
import { readingLevel } from './reading-level.js';
import { resourceBlocked } from './resource-blocked.js';
import { reviewDue } from './review-due.js';
import type { PageRule, Rule, SourceRule } from './rule.js';
import { slideOverflow } from './slide-overflow.js';
import { sources } from './sources.js';
import { translationStale } from './translation-stale.js';
import { STRUCTURAL_RULES } from './structural.js';

/**
 * Every content rule, one module each, with its id, default severity and stage: `structure`
 * (reported while parsing), `source` (on the prepared document) or `page` (on what a format
 * rendered; a format lists the page rules that apply to it).
 */
export const RULES: readonly Rule[] = [
  ...STRUCTURAL_RULES,
  sources,
  imageAlt,
  htmlRemoved,
  linkBroken,
  reviewDue,
  readingLevel,
  plainWords,
  passiveVoice,
  longSentence,
  actionable,
  translationStale,
  placeholder,
  disclaimer,
  resourceBlocked,
  slideOverflow,
  brochureOverflow,
];

export const sourceRules = (): SourceRule[] => RULES.filter((rule): rule is SourceRule => rule.stage === 'source');

export function pageRule(id: string): PageRule {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (rule?.stage !== 'page') throw new Error(`\`${id}\` is not a page rule`);
  return rule;
}
