import { baseLanguage } from '../core/lang.js';
import { checkGrade } from './readability-en.js';
import { checkEase } from './readability-es.js';
import type { ReadingOptions } from '../core/readability.js';
import type { SourceRule } from './rule.js';

export type { EaseFigures, GradeFigures, NotMeasured, Readability } from '../core/readability.js';

export const readingLevel: SourceRule<ReadingOptions> = {
  id: 'reading-level',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'how hard what patients read is (a grade for English, reading ease for Spanish) against a target, and the hardest sentences',
  defaults: { grade: 8, sentences: 5, ease: 65, sentence_ease: 40 },
  options: (z) => ({
    grade: z.number().min(1).max(20).optional(),
    sentence_grade: z.number().min(1).max(30).optional(),
    sentences: z.number().int().min(0).max(50).optional(),
    ease: z.number().min(0).max(100).optional(),
    sentence_ease: z.number().min(0).max(100).optional(),
  }),
  // Each formula is made for one language, with that language's syllables; another language gets
  // no figure rather than a wrong one, and the report says so.
  check(doc, _context, { report, options }) {
    const lang = baseLanguage(doc.lang);
    if (lang === 'en') return { readability: checkGrade(doc, options, report) };
    if (lang === 'es') return { readability: checkEase(doc, options, report) };
    return { readability: { measured: false, lang: doc.lang, reason: `not measured for \`${doc.lang}\`: the formulas here are made for English and Spanish` } };
  },
};
