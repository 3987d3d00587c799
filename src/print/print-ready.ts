import {
  LineCapStyle,
  lineTo,
  moveTo,
  ParseSpeeds,
  PDFDocument,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  setLineCap,
  setLineWidth,
  setStrokingCmykColor,
  stroke,
  type PDFPage,
} from 'pdf-lib';

export interface PrintReadyOptions {
  /** Bleed on every side, in millimetres (3 is usual). The input pages are trim + 2 x bleed. */
  bleedMm: number;
  /** Length of each crop mark, in millimetres. Default 5. */
  markLengthMm?: number;
  /** Gap between the trim corner's bleed edge and the start of a mark, in millimetres. Default: 0 (marks start at the bleed edge, so they never enter the bleed). */
  markOffsetMm?: number;
}

const POINTS_PER_MM = 72 / 25.4;
/** Crop marks are hairlines by convention; 0.25 pt is the usual width and still survives the plate. */
const MARK_WIDTH_PT = 0.25;
/** Room beyond the end of each mark, so a RIP that clips exactly at the MediaBox never shaves a mark. */
const MARGIN_MM = 2;

/**
 * Turns pages printed at trim size plus bleed into what a print shop's preflight expects: a
 * TrimBox (where the sheet is cut), a BleedBox (how far the artwork runs past the cut) and a
 * MediaBox wide enough to carry crop marks outside the bleed. The MediaBox grows into negative
 * coordinates instead of the page being re-placed (e.g. as a form XObject), so Chromium's content
 * stream, and the marked-content ids its structure tree points at, stay byte for byte as written:
 * the PDF keeps its tags. Returns the new PDF's bytes; the same input gives the same bytes.
 */
export async function makePrintReady(pdf: Uint8Array, options: PrintReadyOptions): Promise<Uint8Array> {
  const bleed = millimetres('bleedMm', options.bleedMm, { positive: true });
  const length = millimetres('markLengthMm', options.markLengthMm ?? 5, { positive: true });
  const offset = millimetres('markOffsetMm', options.markOffsetMm ?? 0, { positive: false });
  const slug = offset + length + MARGIN_MM * POINTS_PER_MM;

  // Same load and save options as finishPdf, so a rebuild stays byte-identical.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.getPages().forEach((page, index) => {
    // A second pass would cut the trim again inside the first; refuse rather than nest marks.
    if (page.node.has(PDFName.of('TrimBox'))) throw new Error(`page ${index + 1} already has a TrimBox: this PDF is print-ready already`);
    const { x, y, width, height } = page.getMediaBox();
    if (width <= 2 * bleed || height <= 2 * bleed) {
      throw new RangeError(`page ${index + 1} (${width.toFixed(1)} x ${height.toFixed(1)} pt) is too small for ${options.bleedMm} mm of bleed on every side`);
    }
    const box = { left: x, bottom: y, right: x + width, top: y + height };
    page.setBleedBox(x, y, width, height);
    page.setTrimBox(x + bleed, y + bleed, width - 2 * bleed, height - 2 * bleed);
    page.setMediaBox(x - slug, y - slug, width + 2 * slug, height + 2 * slug);
    // Viewers and RIPs show the CropBox; one equal to the MediaBox keeps the marks visible.
    page.setCropBox(x - slug, y - slug, width + 2 * slug, height + 2 * slug);
    drawCropMarks(page, box, bleed, offset, length);
  });
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

interface Box {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/**
 * Two hairlines per trim corner, continuing the trim lines outward from just outside the bleed:
 * marks inside the bleed would show on the trimmed sheet whenever the cut drifts. Butt caps keep
 * the ink from reaching past the ends of the lines. The marks are in registration colour (all
 * four inks at 100 %) so they appear on every separation, whichever plate the cutter lines up on.
 * They are a page artifact (`/Type /Page`, the kind PDF reserves for cut marks and colour bars), so screen
 * readers and the structure tree ignore them. pdf-lib wraps the page's existing content in q/Q
 * before adding this stream, so Chromium's unbalanced `cm` does not move the marks.
 */
function drawCropMarks(page: PDFPage, bleedBox: Box, bleed: number, offset: number, length: number): void {
  const near = offset;
  const far = offset + length;
  const lines: PDFOperator[] = [];
  for (const [trimX, edgeX, outX] of [
    [bleedBox.left + bleed, bleedBox.left, -1],
    [bleedBox.right - bleed, bleedBox.right, 1],
  ] as const) {
    for (const [trimY, edgeY, outY] of [
      [bleedBox.bottom + bleed, bleedBox.bottom, -1],
      [bleedBox.top - bleed, bleedBox.top, 1],
    ] as const) {
      // Along the vertical trim line, beyond the bleed at the top or bottom edge.
      lines.push(moveTo(trimX, edgeY + outY * near), lineTo(trimX, edgeY + outY * far));
      // Along the horizontal trim line, beyond the bleed at the left or right edge.
      lines.push(moveTo(edgeX + outX * near, trimY), lineTo(edgeX + outX * far, trimY));
    }
  }
  page.pushOperators(
    pushGraphicsState(),
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), '<< /Type /Page >>']),
    setLineWidth(MARK_WIDTH_PT),
    setLineCap(LineCapStyle.Butt),
    setStrokingCmykColor(1, 1, 1, 1),
    ...lines,
    stroke(),
    PDFOperator.of(PDFOperatorNames.EndMarkedContent),
    popGraphicsState(),
  );
}

function millimetres(name: string, value: number, { positive }: { positive: boolean }): number {
  if (!Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new RangeError(`${name} must be a ${positive ? 'positive' : 'non-negative'} number of millimetres, not ${value}`);
  }
  return value * POINTS_PER_MM;
}
