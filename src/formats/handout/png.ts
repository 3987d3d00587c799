import type { OutputFormat } from '../format.js';
import { HANDOUT_FILES } from '../template-files.js';
import { PAPER_MM } from '../paper.js';

const PX_PER_MM = 96 / 25.4;

/**
 * `handout.png`: a picture of the handout's first page, for the catalog. The printed page laid
 * out for print at the paper's width, its page margins added around it (a page's margin boxes
 * exist only when printing), cut at the page's height.
 */
export const handoutPng: OutputFormat = {
  id: 'handout-png',
  family: 'handout',
  kind: 'png',
  label: 'Handout (picture of page 1)',
  unit: 'pages',
  files: ['handout.png'],
  browser: true,
  templateFiles: [HANDOUT_FILES.page, HANDOUT_FILES.css],
  picture: true,
  settings: (config) => ({ paper: config.paper }),
  pageRules: ['resource-blocked'],
  async produce(context) {
    const { handoutPage, LAYOUTS } = await import('./page.js');
    const [width, height] = PAPER_MM[context.config.paper];
    const [top, right, , left] = LAYOUTS.handout.margins;
    const html = handoutPage(context, { target: 'print' }).replace('</head>', `<style>html { padding: ${top}mm ${right}mm 0 ${left}mm; }</style>\n</head>`);
    const { image, blocked } = await context.pagePicture(html, 'handout-png', { width: width * PX_PER_MM, height: height * PX_PER_MM, scale: 0.5 });
    return { files: { 'handout.png': image }, pages: 1, findings: { blocked } };
  },
};
