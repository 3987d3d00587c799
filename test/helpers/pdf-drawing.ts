import { OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** An axis-aligned rectangle in default user space (PDF points, y up). */
export interface Rect {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One painting operation, as a RIP would see it. */
export interface Drawn {
  kind: 'stroke' | 'fill' | 'image' | 'shading';
  /** Inside an `/Artifact` marked-content sequence. */
  artifact: boolean;
  /** Bounds of the ink (strokes widened by half the line width), cut to the clip in force. */
  ink: Rect;
  /** The straight segments of a path, in default user space. */
  segments: Segment[];
  lineWidth: number;
  /** 0 butt, 1 round, 2 projecting square. */
  lineCap: number;
}

export interface PageDrawing {
  drawn: Drawn[];
  /** Marked-content ids in content order: what the structure tree points at. */
  mcids: number[];
}

type Matrix = [number, number, number, number, number, number];
interface State {
  ctm: Matrix;
  clip: Rect;
  lineWidth: number;
  lineCap: number;
}

const EVERYWHERE: Rect = { left: -Infinity, bottom: -Infinity, right: Infinity, top: Infinity };
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const IMAGES = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintSolidColorImageMask,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
]);

/**
 * Replays pdf.js's operator list of a page, tracking the transform, the clip (as a bounding box),
 * line width and cap and the marked-content nesting, and reports every painting operation in
 * default user space. Text is not reported (its ink would need the font's glyph outlines).
 */
export async function drawingOf(page: PDFPageProxy): Promise<PageDrawing> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const stack: State[] = [];
  let state: State = { ctm: [1, 0, 0, 1, 0, 0], clip: EVERYWHERE, lineWidth: 1, lineCap: 0 };
  const marked: string[] = [];
  const drawn: Drawn[] = [];
  const mcids: number[] = [];
  let pendingClip = false;
  const record = (kind: Drawn['kind'], bounds: Rect, segments: Segment[] = []) =>
    drawn.push({
      kind,
      artifact: marked.includes('Artifact'),
      ink: intersect(bounds, state.clip),
      segments,
      lineWidth: state.lineWidth,
      lineCap: state.lineCap,
    });

  fnArray.forEach((fn, index) => {
    // biome-ignore lint/suspicious/noExplicitAny: pdf.js gives each operator's arguments untyped
    const args = argsArray[index] as any;
    switch (fn) {
      case OPS.save:
      case OPS.paintFormXObjectBegin:
        stack.push(state);
        state = { ...state };
        if (fn === OPS.paintFormXObjectBegin && args?.[0]) state.ctm = multiply(args[0], state.ctm);
        break;
      case OPS.restore:
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(args as Matrix, state.ctm);
        break;
      case OPS.setLineWidth:
        state.lineWidth = args[0];
        break;
      case OPS.setLineCap:
        state.lineCap = args[0];
        break;
      case OPS.setGState:
        for (const [key, value] of args[0] as [string, unknown][]) {
          if (key === 'LW') state.lineWidth = value as number;
          if (key === 'LC') state.lineCap = value as number;
        }
        break;
      case OPS.clip:
      case OPS.eoClip:
        pendingClip = true;
        break;
      case OPS.beginMarkedContent:
        marked.push(args[0]);
        break;
      case OPS.beginMarkedContentProps:
        marked.push(args[0]);
        if (typeof args[1] === 'number') mcids.push(args[1]);
        break;
      case OPS.endMarkedContent:
        marked.pop();
        break;
      case OPS.constructPath: {
        const [paint, [data], minMax] = args as [number, [Float32Array | null], Float32Array];
        const bounds = transformRect(state.ctm, { left: minMax[0]!, bottom: minMax[1]!, right: minMax[2]!, top: minMax[3]! });
        if (pendingClip) state.clip = intersect(state.clip, bounds);
        pendingClip = false;
        if (paint === OPS.endPath) break;
        const stroked = STROKES.has(paint);
        const half = stroked ? (state.lineWidth / 2) * Math.max(Math.hypot(state.ctm[0], state.ctm[1]), Math.hypot(state.ctm[2], state.ctm[3])) : 0;
        const ink = { left: bounds.left - half, bottom: bounds.bottom - half, right: bounds.right + half, top: bounds.top + half };
        record(stroked ? 'stroke' : 'fill', ink, data ? segmentsOf(data, state.ctm) : []);
        break;
      }
      case OPS.shadingFill:
        record('shading', EVERYWHERE);
        break;
      default:
        if (IMAGES.has(fn)) record('image', transformRect(state.ctm, { left: 0, bottom: 0, right: 1, top: 1 }));
    }
  });
  return { drawn, mcids };
}

/** The straight segments of a pdf.js path (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function segmentsOf(data: Float32Array, ctm: Matrix): Segment[] {
  const segments: Segment[] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    const at = (k: number) => data[i + k]!;
    if (op === 0) {
      [x, y, startX, startY] = [at(0), at(1), at(0), at(1)];
      i += 2;
    } else if (op === 1) {
      segments.push(transformSegment(ctm, x, y, at(0), at(1)));
      [x, y] = [at(0), at(1)];
      i += 2;
    } else if (op === 2) {
      [x, y] = [at(4), at(5)];
      i += 6;
    } else if (op === 3) {
      [x, y] = [at(2), at(3)];
      i += 4;
    } else {
      if (x !== startX || y !== startY) segments.push(transformSegment(ctm, x, y, startX, startY));
      [x, y] = [startX, startY];
    }
  }
  return segments;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function transformSegment(m: Matrix, x0: number, y0: number, x1: number, y1: number): Segment {
  const [a, b] = apply(m, x0, y0);
  const [c, d] = apply(m, x1, y1);
  return { x0: a, y0: b, x1: c, y1: d };
}

function transformRect(m: Matrix, r: Rect): Rect {
  const corners = [apply(m, r.left, r.bottom), apply(m, r.right, r.bottom), apply(m, r.left, r.top), apply(m, r.right, r.top)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { left: Math.min(...xs), bottom: Math.min(...ys), right: Math.max(...xs), top: Math.max(...ys) };
}

function intersect(a: Rect, b: Rect): Rect {
  return { left: Math.max(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.min(a.right, b.right), top: Math.min(a.top, b.top) };
}
