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
 * rendered; a format lists the page rules that apply to it). The config schema, `rules:` in the
 * config, the severities and `handouts rules` all read this list.
 */
const RULES: Rule[] = [
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

export function allRules(): readonly Rule[] {
  return RULES;
}

export const ruleById = (id: string): Rule | undefined => RULES.find((rule) => rule.id === id);

export const sourceRules = (): SourceRule[] => RULES.filter((rule): rule is SourceRule => rule.stage === 'source');

export function pageRule(id: string): PageRule {
  const rule = ruleById(id);
  if (rule?.stage !== 'page') throw new Error(`\`${id}\` is not a page rule`);
  return rule;
}

/**
 * Adds a rule (for extensions): it runs at its stage and, when `configurable`, is accepted under
 * `rules:` in the config with its options, with no other change. A config is validated against
 * the rules registered when it is loaded. Returns a function that removes the rule again.
 */
export function registerRule(rule: Rule): () => void {
  if (!/^[a-z][a-z0-9-]*$/.test(rule.id)) throw new Error(`a rule id is lowercase words joined by \`-\`, not \`${rule.id}\``);
  if (ruleById(rule.id)) throw new Error(`a rule \`${rule.id}\` is already registered`);
  if (!['structure', 'source', 'page'].includes(rule.stage)) throw new Error(`rule \`${rule.id}\` has no stage (\`source\` or \`page\`)`);
  if (rule.options && !rule.configurable) throw new Error(`rule \`${rule.id}\` has options but is not configurable`);
  RULES.push(rule);
  return () => {
    const index = RULES.indexOf(rule);
    if (index >= 0) RULES.splice(index, 1);
  };
}

/** Problems with a format's `pageRules`: each must name a registered page rule. */
export function pageRuleProblems(ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const rule = ruleById(id);
    if (!rule) return [`\`${id}\` is not a registered rule`];
    return rule.stage === 'page' ? [] : [`\`${id}\` is a ${rule.stage} rule, not a page rule`];
  });
}
