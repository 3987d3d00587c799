import { baseLanguage } from '../core/lang.js';
import { checkGrade } from './readability-en.js';
import { checkEase } from './readability-es.js';
import type { SourceRule } from './rule.js';

export type { EaseFigures, GradeFigures, NotMeasured, Readability } from '../core/readability.js';

export const readingLevel: SourceRule = {
  id: 'reading-level',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'how hard what patients read is (a grade for English, reading ease for Spanish) against a target, and the hardest sentences',
  // Each formula is made for one language, with that language's syllables; another language gets
  // no figure rather than a wrong one, and the report says so.
  check(doc, context) {
    const lang = baseLanguage(doc.lang);
    if (lang === 'en') return { readability: checkGrade(doc, context.rules) };
    if (lang === 'es') return { readability: checkEase(doc, context.rules) };
    return { readability: { measured: false, lang: doc.lang, reason: `not measured for \`${doc.lang}\`: the formulas here are made for English and Spanish` } };
  },
};
