import { describe, expect, it } from 'vitest';
import { checkEase, inflesz, szigrisztPazos } from '../../src/rules/readability-es.js';
import { readingLevel } from '../../src/rules/reading-level.js';
import { reporterFor } from '../../src/rules/report.js';
import { spanishSyllables } from '../../src/rules/syllables-es.js';
import { FRONT, prepare } from '../helpers/docs.js';

/** Spanish words with their syllables as the RAE divides them: diphthongs, hiatus, accents, consonant clusters. */
const WORDS: Record<string, number> = {
  país: 2,
  día: 2,
  tratamiento: 4,
  esclerosis: 4,
  médula: 3,
  espinal: 3,
  síndrome: 3,
  inflamación: 4,
  ciudad: 2,
  guerra: 2,
  pingüino: 3,
  aéreo: 4,
  construcción: 3,
  huevo: 2,
  leer: 2,
  poeta: 3,
  cuidado: 3,
  células: 3,
  madre: 2,
  investigación: 5,
  enfermedad: 4,
  autoinmune: 4,
  estudios: 3,
  dolor: 2,
  crónico: 3,
  médico: 3,
  pregunte: 3,
  que: 1,
  muy: 1,
  hoy: 1,
  ahora: 3,
  búho: 2,
  reúne: 3,
  oír: 2,
  caer: 2,
  mamá: 2,
  psicología: 5,
  acción: 2,
  ayuda: 3,
  llamar: 2,
  quizá: 2,
  transplante: 3,
  instrucciones: 4,
};

function ease(body: string) {
  const { document, file } = prepare(
    'content/a.md',
    { 'content/a.md': FRONT.replace('---\ntitle:', '---\nlang: es\ntitle:').replace('summary: A short summary.\n', '') + body },
    undefined,
    ['en', 'es'],
  );
  if (!document) throw new Error(file.messages.map(String).join('\n'));
  const figures = checkEase(document, readingLevel.defaults!, reporterFor(readingLevel, document.file));
  return { figures, said: document.file.messages.map((m) => m.reason) };
}

const EASY = `
El dolor que dura mucho es difícil. Puede durar meses. Hay cosas que ayudan. Hable con su médico. Pregunte qué puede hacer.
Camine un poco cada día. Duerma bien. Coma sano. Beba agua. Pida ayuda si la necesita. Su equipo quiere ayudarle.
Lleve sus preguntas a la cita. Anote lo que siente. Diga si algo le duele más. No tome medicinas nuevas sin preguntar.
`;

const HARD = `
La caracterización fisiopatológica de las enfermedades neurodegenerativas autoinmunitarias constituye un desafío metodológico considerable para la investigación biomédica contemporánea.
Las intervenciones terapéuticas experimentales basadas en células mesenquimales estromales presentan resultados preliminares heterogéneos y difícilmente generalizables.
La administración intravenosa de preparaciones celulares requiere evaluaciones exhaustivas de seguridad inmunológica y de eficacia comparativa longitudinal.
`;

describe('reading ease in Spanish (Szigriszt-Pazos, INFLESZ)', () => {
  it('counts syllables the way Spanish divides them (silabea), checked on a word list', () => {
    const wrong = Object.entries(WORDS).filter(([word, count]) => spanishSyllables(word) !== count);
    expect(wrong).toEqual([]);
    // A word silabea cannot read (a name with a foreign letter) still gets a count.
    expect(spanishSyllables('Sjögren')).toBe(2);
  });

  it('gives the formula and its bands as published', () => {
    expect(szigrisztPazos({ sentences: 1, words: 10, syllables: 20 })).toBeCloseTo(206.835 - 124.6 - 10, 5);
    expect([30, 45, 60, 70, 85].map(inflesz)).toEqual(['muy difícil', 'algo difícil', 'normal', 'bastante fácil', 'muy fácil']);
  });

  it('judges a hard page harder than an easy one, and over its target (65, bastante fácil)', () => {
    const easy = ease(EASY);
    const hard = ease(HARD);
    expect(easy.figures).toMatchObject({ scale: 'INFLESZ', formula: 'Szigriszt-Pazos', target: 65 });
    expect(easy.figures.score).toBeGreaterThanOrEqual(65);
    expect(easy.said).toEqual([]);
    expect(hard.figures.score).toBeLessThan(easy.figures.score - 40);
    expect(hard.figures.band).toBe('muy difícil');
    expect(hard.said[0]).toMatch(
      /^Reading ease is -?\d+(\.\d)? on the INFLESZ scale \(muy difícil; Szigriszt-Pazos\); patient material should score 65 \(bastante fácil\) or more$/,
    );
    expect(hard.said.filter((reason) => reason.startsWith('Hard to read sentence (INFLESZ'))).toHaveLength(3);
  });

  it('grades the brochure-only text too', () => {
    const withBrochure = ease(`${EASY}\n:::brochure\n${HARD}\n:::\n`);
    expect(withBrochure.figures.words).toBeGreaterThan(ease(EASY).figures.words);
    expect(withBrochure.figures.score).toBeLessThan(ease(EASY).figures.score);
  });
});
