// Makes, with the tool's own compiled modules (dist/), what the other rows of the benchmark are
// given, so that everyone does the same work on the same content:
//
//   floor/pages/*.html, floor/job.json  the pages the tool prints for each PDF format, made the way
//                                        `handouts check` makes them (src/pipeline/check.ts):
//                                        document prepared, then each format's `page(context)`;
//                                        their fonts as files, for the floor to answer from memory
//   marp/in/*.md, marp/theme.css        per document, the Marp Markdown the tool's deck builder
//                                        makes (planDeck, then deckMarkdown) and the deck's theme
//                                        (handout-only and notes-only blocks are not on slides)
//   md-to-pdf/in/*.md                   per document, the Markdown of what the handout shows
//                                        (forAudience(tree, 'handout'), serialised)
//
// Usage: node bench/prepare.mjs PROJECT_DIR. Prints a JSON summary. Not timed by the benchmark.
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

// The tool's copy the harness measures (bench/run.ts), else this checkout.
const TOOL = process.env.BENCH_TOOL_DIR ?? path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = (file) => import(pathToFileURL(path.join(TOOL, 'dist', file)).href);
const [
  { loadConfig },
  { Session },
  { discoverDocuments },
  { analyseDocument },
  { RenderContext },
  { requireFormat },
  { planDeck },
  { deckMarkdown },
  { brandFor },
  { forAudience },
  { cssString },
] = await Promise.all([
  dist('config/load.js'),
  dist('pipeline/session.js'),
  dist('discover/documents.js'),
  dist('pipeline/analyse.js'),
  dist('formats/context.js'),
  dist('formats/registry.js'),
  dist('formats/slides/split.js'),
  dist('formats/slides/markdown.js'),
  dist('templates/strings.js'),
  dist('transform/audience.js'),
  dist('templates/liquid.js'),
]);

const dir = path.resolve(process.argv[2] ?? '.');
const config = await loadConfig({ cwd: dir });
const session = new Session({ config });
const tools = await session.loadTools();
const { templates } = tools;
// The formats the tool prints to PDF in this project: the floor prints exactly these pages.
const formats = config.formats.map(requireFormat).filter((format) => format.kind === 'pdf' && format.browser && format.page);
// The brochure is laid out in the page before printing (its `inspect`, fillPanels); the floor
// does the same so that it prints the same sheet. The other formats' `inspect` only measures.
const FILLED = new Set(['brochure-pdf']);

const floorDir = path.join(dir, 'floor');
const marpDir = path.join(dir, 'marp');
const mdDir = path.join(dir, 'md-to-pdf');
for (const d of [floorDir, marpDir, mdDir]) rmSync(d, { recursive: true, force: true });
for (const d of ['floor/pages', 'floor/fonts', 'floor/out', 'marp/in', 'marp/out', 'md-to-pdf/in']) mkdirSync(path.join(dir, d), { recursive: true });

const fonts = new Map(); // URL under the asset origin -> file
const fontFile = (url, bytes) => {
  if (!fonts.has(url)) {
    const file = path.join(floorDir, 'fonts', path.basename(new URL(url).pathname));
    writeFileSync(file, bytes);
    fonts.set(url, file);
  }
  return fonts.get(url);
};
const pages = [];
const documents = [];
const toMarkdown = unified().use(remarkStringify, { bullet: '-', rule: '-' }).use(remarkGfm);
let marpFontCss;

for (const ref of discoverDocuments(config.content, config.root, [], config.root)) {
  const analysed = analyseDocument(ref, readFileSync(ref.path, 'utf8'), tools);
  const { document } = analysed;
  if (!document || analysed.failed) throw new Error(`${ref.source} does not build: ${analysed.file.messages.map(String).join('; ')}`);
  const context = new RenderContext(document, tools);
  const documentFonts = templates.fontsFor(document.lang);
  for (const [url, bytes] of documentFonts.files) fontFile(url, bytes);
  for (const format of formats) {
    const html = path.join(floorDir, 'pages', `${ref.slug}.${format.id}.html`);
    writeFileSync(html, await format.page(context));
    pages.push({
      html,
      pdf: path.join(floorDir, 'out', `${ref.slug}.${format.id}.pdf`),
      format: format.id,
      document: ref.slug,
      lang: document.lang,
      fill: FILLED.has(format.id),
    });
  }

  // Marp CLI: the deck's Marp Markdown, as buildDeck (src/formats/slides/deck.ts) makes it.
  const t = context.strings;
  const plan = planDeck(document.tree);
  const deck = deckMarkdown(document, plan, brandFor(templates, t), t, templates.logo);
  writeFileSync(path.join(marpDir, 'in', `${ref.slug}.md`), deck.markdown);
  // The same faces, as files Marp CLI may read (--allow-local-files) rather than inline base64.
  marpFontCss ??= documentFonts.linked.replace(/url\((https:[^)]+)\)/g, (_m, url) => `url(${pathToFileURL(fontFile(url, documentFonts.files.get(url))).href})`);

  // md-to-pdf: what the handout shows, as plain Markdown (title, summary, the handout's blocks).
  const handout = unwrapDirectives(forAudience(document.tree, 'handout'));
  const head = [`# ${document.meta.title}`, document.meta.summary ?? ''].filter(Boolean).join('\n\n');
  writeFileSync(path.join(mdDir, 'in', `${ref.slug}.md`), `${head}\n\n${toMarkdown.stringify(handout)}`);
  documents.push({ slug: ref.slug, lang: document.lang, output: path.join(config.out, document.lang, ref.slug) });
}
await session.dispose();

// The deck's theme as the tool gives it to Marp (brandVariables + slideTheme in
// src/formats/slides/deck.ts), then the fonts.
const c = templates.brand.colors;
const brandVariables = `section {
  --brand-primary: ${c.primary}; --brand-accent: ${c.accent}; --brand-text: ${c.text};
  --brand-muted: ${c.muted}; --brand-surface: ${c.surface}; --brand-notice: ${c.notice};
  --brand-notice-border: ${c.notice_border}; --brand-font: ${cssString(templates.brand.font.family)};
}
`;
writeFileSync(path.join(marpDir, 'theme.css'), `${brandVariables}${templates.text('slides/theme.css')}\n${marpFontCss ?? ''}\n`);
writeFileSync(path.join(floorDir, 'job.json'), `${JSON.stringify({ fonts: Object.fromEntries(fonts), pages }, null, 2)}\n`);
console.log(JSON.stringify({ formats: formats.map((f) => f.id), allFormats: config.formats, documents }));

/** Directives other than the audience blocks (none in the sample content) become their content. */
function unwrapDirectives(tree) {
  const walk = (children) =>
    children.flatMap((child) => {
      const inner = Array.isArray(child.children) ? walk(child.children) : undefined;
      if (/Directive$/.test(child.type)) return inner ?? [];
      return [inner ? { ...child, children: inner } : child];
    });
  return { ...tree, children: walk(tree.children) };
}
