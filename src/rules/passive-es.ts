import type { SentenceWord } from './sentences.js';

/** Forms of `ser` that make a passive with a participle after them (`es usado`, `fueron tratados`). */
const SER = new Set([
  'es',
  'son',
  'fue',
  'fueron',
  'era',
  'eran',
  'será',
  'serán',
  'sería',
  'serían',
  'sea',
  'sean',
  'fuera',
  'fueran',
  'sido',
  'siendo',
  'ser',
]);

/** Participles that do not end in -ado or -ido. */
const IRREGULAR = [
  'hech',
  'dich',
  'escrit',
  'vist',
  'puest',
  'vuelt',
  'abiert',
  'cubiert',
  'descubiert',
  'muert',
  'rot',
  'resuelt',
  'impres',
  'provist',
  'frit',
];
const PARTICIPLE = new RegExp(`^(\\p{L}{2,}(ad|id)|${IRREGULAR.join('|')})(o|a|os|as)$`, 'u');

/**
 * Verbs written with `se` as a passive or impersonal in patient material (`se usan células`, `se
 * recomienda descansar`), in the forms that follow `se` there: third person present, preterite and
 * future. Only these: `se` with most verbs is reflexive (`se siente mejor`) and must not be flagged.
 */
const SE_VERBS = new Set([
  ...regular('us', 'ar'),
  ...regular('utiliz', 'ar'),
  ...regular('realiz', 'ar'),
  ...regular('recomend', 'ar', 'recomiend'),
  ...regular('aconsej', 'ar'),
  ...regular('administr', 'ar'),
  ...regular('aplic', 'ar'),
  ...regular('estudi', 'ar'),
  ...regular('investig', 'ar'),
  ...regular('prob', 'ar', 'prueb'),
  ...regular('consider', 'ar'),
  ...regular('observ', 'ar'),
  ...regular('encontr', 'ar', 'encuentr'),
  ...regular('necesit', 'ar'),
  ...regular('indic', 'ar'),
  ...regular('inyect', 'ar'),
  ...regular('extra', 'er'),
  ...regular('cre', 'er'),
  ...regular('conoc', 'er'),
  ...regular('esper', 'ar'),
  ...regular('recet', 'ar'),
  ...regular('pens', 'ar', 'piens'),
  ...regular('desconoc', 'er'),
  ...regular('llev', 'ar'),
  'hace',
  'hacen',
  'hizo',
  'hicieron',
  'hará',
  'harán',
  'sabe',
  'saben',
  'supo',
  'sabrá',
  'dice',
  'dicen',
  'dijo',
  'dirá',
  'obtiene',
  'obtienen',
  'obtuvo',
  'obtuvieron',
  'obtendrá',
  'obtendrán',
  'sugiere',
  'sugieren',
  'requiere',
  'requieren',
]);

/** Third person present, preterite and future of a regular verb (`us` + `ar`: usa, usan, usó, usaron, usará, usarán). */
function regular(stem: string, ending: 'ar' | 'er', present = stem): string[] {
  const [a, o, past] = ending === 'ar' ? ['a', 'ó', 'aron'] : ['e', 'ió', 'ieron'];
  return [`${present}${a}`, `${present}${a}n`, `${stem}${o}`, `${stem}${past}`, `${stem}${ending}á`, `${stem}${ending}án`];
}

/**
 * Pure: the passives of a Spanish sentence that can be told reliably: `ser` with a participle
 * (an adverb in -mente may stand between), and `se` with one of the verbs above. Returns the
 * words of each, first to last.
 */
export function spanishPassives(words: readonly SentenceWord[]): [SentenceWord, SentenceWord][] {
  const found: [SentenceWord, SentenceWord][] = [];
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!;
    if (SER.has(word.text)) {
      const next = words[i + 1]!.text.endsWith('mente') ? i + 2 : i + 1;
      if (words[next] && PARTICIPLE.test(words[next]!.text)) found.push([word, words[next]!]);
    } else if (word.text === 'se' && SE_VERBS.has(words[i + 1]!.text)) found.push([word, words[i + 1]!]);
  }
  return found;
}
