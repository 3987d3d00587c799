import type { OutputFormat } from '../format.js';
import { HANDOUT_FILES } from '../template-files.js';

/** `handout.html`: the handout as a standalone page for the clinic's website. */
export const handoutHtml: OutputFormat = {
  id: 'handout-html',
  family: 'handout',
  kind: 'html',
  label: 'Handout (web page)',
  unit: 'pages',
  files: ['handout.html'],
  browser: false,
  settings: (config) => ({ paper: config.paper }),
  pageRules: ['disclaimer'],
  template: 'handout/handout.liquid',
  templateFiles: [HANDOUT_FILES.page, HANDOUT_FILES.css],
  // The page rules read the same page without its inline fonts: the same text, far less to parse.
  page: async (context) => (await import('./page.js')).handoutPage(context, { target: 'print' }),
  async produce(context) {
    const { handoutPage } = await import('./page.js');
    const { pageText } = await import('../text.js');
    const text = context.memo('handout:text', () => pageText(handoutPage(context, { target: 'print' })));
    return { files: { 'handout.html': handoutPage(context, { target: 'web' }) }, findings: { text } };
  },
};
