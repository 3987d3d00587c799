/** Sheet sizes in millimetres, portrait (width, height). */
export const PAPER_MM = {
  A4: [210, 297],
  Letter: [215.9, 279.4],
} as const satisfies Record<string, readonly [number, number]>;

export type Paper = keyof typeof PAPER_MM;

/** A length for CSS, in millimetres, without float noise (`3.1mm`, not `3.0999999mm`). */
export function mm(value: number): string {
  return `${Math.round(value * 100) / 100}mm`;
}

/**
 * The CSS `@page` size of a sheet: its trim size plus the bleed on every side, which a print-shop
 * version prints to (backgrounds run into it) and then marks with crop marks and page boxes.
 */
export function pageSize(paper: Paper, options: { landscape?: boolean; bleedMm?: number } = {}): { width: number; height: number; css: string } {
  const [short, long] = PAPER_MM[paper];
  const bleed = options.bleedMm ?? 0;
  const width = (options.landscape ? long : short) + 2 * bleed;
  const height = (options.landscape ? short : long) + 2 * bleed;
  return { width, height, css: `${mm(width)} ${mm(height)}` };
}

/** Page margins (top, right, bottom, left, in mm) widened by the bleed, as a CSS value. */
export function margins(sides: readonly [number, number, number, number], bleedMm = 0): string {
  return sides.map((side) => mm(side + bleedMm)).join(' ');
}
