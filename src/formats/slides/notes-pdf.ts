import type { OutputFormat } from '../format.js';
import { SLIDE_THEME } from '../template-files.js';

/** `slides-notes.pdf`: each slide with its speaker notes below it, on a portrait page: to hand out after the talk. */
export const slidesNotesPdf: OutputFormat = {
  id: 'slides-notes-pdf',
  family: 'slides',
  kind: 'pdf',
  label: 'Slides with notes (PDF)',
  unit: 'pages',
  files: ['slides-notes.pdf'],
  browser: true,
  settings: (config) => ({ paper: config.paper, buildDate: config.buildDate }),
  pageRules: ['disclaimer', 'resource-blocked'],
  template: 'slides/theme.css',
  templateFiles: [SLIDE_THEME],
  page: async (context) => page(context),
  async produce(context) {
    const pdf = await context.print(await page(context), 'slides-notes-pdf');
    return { files: { 'slides-notes.pdf': pdf.bytes }, pages: pdf.pages, findings: pdf.findings };
  },
};

async function page(context: Parameters<OutputFormat['produce']>[0]): Promise<string> {
  const [{ deckOf }, { notesPage }] = await Promise.all([import('./deck.js'), import('./notes-page.js')]);
  return context.memo('slides:notes-page', () =>
    notesPage({ data: context.page, title: context.doc.meta.title, deck: deckOf(context), paper: context.config.paper }),
  );
}
