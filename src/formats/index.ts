import type { OutputFormat } from './format.js';
import { handoutHtml } from './handout-html.js';
import { handoutPdf } from './handout-pdf.js';
import type { FormatId } from './ids.js';
import { slidesHtml } from './slides-html.js';
import { slidesPdf } from './slides-pdf.js';

/** Every output format by id. A new format is one module and one line here. */
export const FORMATS: Record<FormatId, OutputFormat> = {
  'handout-pdf': handoutPdf,
  'handout-html': handoutHtml,
  'slides-pdf': slidesPdf,
  'slides-html': slidesHtml,
};
