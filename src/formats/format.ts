import type { RenderContext } from './context.js';
import type { FormatId } from './ids.js';

/** What a format produced for one document. */
export interface Produced {
  content: Uint8Array | string;
  /** Pages (PDF) or slides (deck HTML), for the report. */
  pages?: number;
}

/** One output format: a file name and how to make it. Every format sits behind this interface. */
export interface OutputFormat {
  id: FormatId;
  /** File name inside `output/<lang>/<slug>/`. */
  file: string;
  produce(context: RenderContext): Promise<Produced>;
}
