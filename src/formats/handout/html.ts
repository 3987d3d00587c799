import type { OutputFormat } from '../format.js';

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
  page: async (context) => (await import('./page.js')).handoutPage(context, 'web'),
  async produce(context) {
    const html = (await import('./page.js')).handoutPage(context, 'web');
    return { files: { 'handout.html': html }, findings: { text: await htmlText(html) } };
  },
};

async function htmlText(html: string): Promise<string> {
  const { pageText } = await import('../text.js');
  return pageText(html);
}
