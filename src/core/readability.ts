/**
 * The reading figures a document's report, manifest and catalog carry (made by the
 * `reading-level` rule): types only, on the ground floor, so that the report, the pipeline and the
 * rules can all name them without importing one another.
 */

/** Reading figures of English text: a US school grade, for the report, manifest and catalog. */
export interface GradeFigures {
  /** Flesch-Kincaid grade level. */
  grade: number;
  /** SMOG index (a grade level). */
  smog: number;
  sentences: number;
  words: number;
  /** The grade the rule checks against. */
  target: number;
}

/**
 * Reading figures of Spanish text: Szigriszt-Pazos's reading ease on the INFLESZ scale (0 to 100,
 * higher is easier), with its band in words.
 */
export interface EaseFigures {
  scale: 'INFLESZ';
  formula: 'Szigriszt-Pazos';
  score: number;
  /** `muy difícil`, `algo difícil`, `normal`, `bastante fácil` or `muy fácil`. */
  band: string;
  /** The lowest score the rule accepts. */
  target: number;
  sentences: number;
  words: number;
}

/** What the report says instead of figures, for a language no formula here fits. */
export interface NotMeasured {
  measured: false;
  lang: string;
  reason: string;
}

export type Readability = GradeFigures | EaseFigures | NotMeasured;

/** What the plain-language rules found in a document: how many of each, and whether it tells the reader what to do. */
export interface PlainLanguage {
  counts: Record<'plain-words' | 'passive-voice' | 'long-sentence' | 'actionable', number>;
  /** Whether a section tells the reader what to do; absent for a language the rule does not check. */
  actions?: boolean;
}

/** `reading-level`'s options in the config, with their defaults filled in. */
export interface ReadingOptions {
  /** Highest Flesch-Kincaid grade for a document. Default 8. */
  grade: number;
  /** A sentence is pointed out above this grade. Default: the document grade + 2. */
  sentence_grade?: number;
  /** How many of the hardest sentences to point out. Default 5. */
  sentences: number;
  /** Lowest reading ease (INFLESZ, 0-100) for Spanish. Default 65 (bastante fácil). */
  ease: number;
  /** A Spanish sentence is pointed out below this ease. Default 40. */
  sentence_ease: number;
}
