/** silabea (CommonJS, no types of its own): Spanish words split into syllables. */
declare module 'silabea' {
  export function getSilabas(word: string): { palabra: string; numeroSilaba: number; silabas: { inicioPosicion: number; silaba: string }[] };
}
