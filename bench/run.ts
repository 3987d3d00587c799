// npm run bench: handouts against the floor (bare Puppeteer printing the very pages the tool
// prints, the way it prints them), Marp CLI and md-to-pdf (each given the same split content, at
// the same concurrency), on synthetic projects made from the real content; plus the writer's loop
// in the dev server. Every row is run --runs times (500 documents too) and reported as the median
// with the spread (min-max); outputs are cleared before each run and every PDF is parsed after.
// Prints the table and writes bench/results.json.
// Usage: npm run bench [-- --sizes 3,50,500 --runs 3 --peers-up-to 50 --dev-size 50 --edits 10]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Attempt, BrowserCandidate } from '../src/browser/discover.js';
import { generateProject } from './generate.js';
import { measure, median, type Run } from './measure.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
const WORK = path.join(BENCH, 'work');
/**
 * The tool as built when the benchmark starts, copied here (bin, dist, package.json, built-in
 * templates; node_modules linked): others rebuilding dist/ in the same working tree during a long
 * run would otherwise change the code under measurement (and, through the cache key, which hashes
 * it, turn a "nothing changed" rebuild into a full one). bench/prepare.mjs, floor.mjs and dev.mjs
 * load the same copy (BENCH_TOOL_DIR).
 */
const TOOL = path.join(WORK, 'tool');
const BIN = path.join(TOOL, 'bin/handouts.js');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const SIZES = option('sizes', '3,50,500').split(',').map(Number);
const RUNS = Math.max(1, Number(option('runs', '3')));
const PEERS_UP_TO = Number(option('peers-up-to', '50'));
const DEV_SIZE = Number(option('dev-size', '50'));
const EDITS = Number(option('edits', '10'));
const CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()));
const MARP = 'Marp CLI 4.5.1';
const MD_TO_PDF = 'md-to-pdf 5.2.5';

/** The measured rows of the table. `unit` is what `count` counts: per-unit times and ratios use it. */
interface Row {
  size: number;
  tool: string;
  work: string;
  count: number;
  unit: string;
  status: 'ok' | 'failed' | 'not run';
  /** Wall time of each run, in ms. */
  runsMs: number[];
  ms?: number;
  minMs?: number;
  maxMs?: number;
  /** Highest peak memory of the runs (MB, proportional set size of the process tree). */
  peakMb?: number;
  /** The row this one is compared with, per unit (`vs` = this row's time per unit / that one's). */
  against?: string;
  vs?: number;
  /** A target the median should meet (ms), and whether it does. */
  targetMs?: number;
  /** False where a time per unit means nothing (a rebuild that renders nothing). */
  perUnit?: boolean;
  note?: string;
}

/** One thing to time: `run` once per repetition, `check` after each (the returned text is a failure). */
interface Step {
  label: string;
  run: () => Promise<Run>;
  check: (run: Run) => Promise<string | undefined>;
}

interface Summary {
  status: Row['status'];
  runsMs: number[];
  peaks: number[];
  note?: string;
}

const dist = (file: string) => import(pathToFileURL(path.join(TOOL, 'dist', file)).href);

/** Copies the built tool to TOOL; returns a hash of its code, for the record. */
function snapshotTool(): string {
  rmSync(TOOL, { recursive: true, force: true });
  mkdirSync(TOOL, { recursive: true });
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(path.join(REPO, part), path.join(TOOL, part), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(TOOL, 'node_modules'), 'dir');
  process.env.BENCH_TOOL_DIR = TOOL;
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.js')) hash.update(path.relative(TOOL, file)).update(readFileSync(file));
    }
  };
  walk(path.join(TOOL, 'dist'));
  return hash.digest('hex').slice(0, 12);
}

/** Which commit the tool was built from, and whether the working tree had changes (read only). */
function gitState(): { commit?: string; changedFiles?: number } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['--no-optional-locks', 'status', '--porcelain', '--untracked-files=all'], { cwd: REPO, encoding: 'utf8' });
    return { commit, changedFiles: status.split('\n').filter(Boolean).length };
  } catch {
    return {};
  }
}

function installPeers(): void {
  if (existsSync(path.join(BENCH, 'node_modules/.bin/marp')) && existsSync(path.join(BENCH, 'node_modules/md-to-pdf/dist/lib/md-to-pdf.js'))) return;
  console.error('Installing Marp CLI and md-to-pdf into bench/node_modules ...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: BENCH, stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
}

/**
 * Runs the steps `runs` times, interleaved (A B, then B A, ...) so that a change in the machine's
 * load during the series falls on every step alike. A step that fails is not run again.
 */
async function series(steps: Step[], runs: number): Promise<Summary[]> {
  const results: Summary[] = steps.map(() => ({ status: 'ok', runsMs: [], peaks: [] }));
  for (let i = 0; i < runs; i++) {
    const order = steps.map((_, index) => index);
    if (i % 2) order.reverse();
    for (const index of order) {
      const step = steps[index]!;
      const result = results[index]!;
      if (result.status !== 'ok') continue;
      const run = await step.run();
      const problem = run.code !== 0 ? `exit ${run.code}: ${lastLine(run.stderr || run.stdout)}` : await step.check(run);
      if (problem) Object.assign(result, { status: 'failed', note: problem });
      else {
        result.runsMs.push(run.ms);
        result.peaks.push(run.peakMb);
      }
      console.error(`  ${step.label}, run ${i + 1}: ${problem ? `FAILED: ${problem}` : `${(run.ms / 1000).toFixed(2)} s, ${run.peakMb} MB`}`);
    }
  }
  return results;
}

/** The line of a failed run's output that says what went wrong. */
function lastLine(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.find((l) => /error/i.test(l)) ?? lines.pop() ?? '').slice(0, 160).replace(/\|/g, '/');
}

/** Pages of each PDF (parsed with pdf-lib); a missing, unreadable or empty one is a problem. */
async function pdfPages(files: readonly string[]): Promise<{ pages: Map<string, number>; problem?: string }> {
  const pages = new Map<string, number>();
  const bad: string[] = [];
  for (const file of files) {
    try {
      const count = (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
      pages.set(file, count);
      if (!(count > 0)) bad.push(`${path.basename(file)} has no pages`);
    } catch (error) {
      bad.push(existsSync(file) ? `${path.basename(file)}: ${(error as Error).message}` : `${path.relative(WORK, file)} missing`);
    }
  }
  return { pages, problem: bad.length ? `${files.length - bad.length} of ${files.length} PDFs good; ${bad.slice(0, 3).join('; ')}` : undefined };
}

/** What bench/prepare.mjs made for a project. */
interface Prepared {
  /** The PDF formats, which the floor prints. */
  formats: string[];
  /** Every format the project builds. */
  allFormats: string[];
  documents: { slug: string; lang: string; output: string }[];
}
interface FloorJob {
  pages: { pdf: string; format: string; document: string; lang: string }[];
}

interface Launch {
  executablePath: string;
  explicit: boolean;
  headless: 'shell' | true;
  args: string[];
  concurrency: number;
  pageUses: number;
  timeoutMs: number;
}

async function benchSize(size: number, launch: Launch, rows: Row[], dev: DevFigures[]): Promise<void> {
  const dir = path.join(WORK, `n${size}`);
  const files = generateProject(REPO, dir, size);
  const original = readFileSync(files[0]!, 'utf8');
  const prepared = JSON.parse(execFileSync(process.execPath, [path.join(BENCH, 'prepare.mjs'), dir], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Prepared;
  const floorJob = JSON.parse(readFileSync(path.join(dir, 'floor/job.json'), 'utf8')) as FloorJob;
  const timeoutMs = Math.max(600_000, size * 10_000);
  const output = path.join(dir, 'output');
  const browserFlag = launch.explicit ? ['--browser', launch.executablePath] : [];
  const handouts = (extra: string[]) =>
    measure(process.execPath, [BIN, 'build', '--quiet', '--json', '--concurrency', String(CONCURRENCY), ...browserFlag, ...extra], { cwd: dir, timeoutMs });
  const cold = (extra: string[]) => () => {
    rmSync(output, { recursive: true, force: true });
    return handouts(extra);
  };
  /** The tool's report says `built` documents and no failures, and these of its PDFs parse. */
  const built = (expected: number, pdfs: (doc: Prepared['documents'][number]) => string[]) => async (run: Run) => {
    const summary = JSON.parse(run.stdout).summary;
    if (summary.built !== expected || summary.failed !== 0) return `expected ${expected} built, got ${JSON.stringify(summary)}`;
    return (await pdfPages(prepared.documents.flatMap((doc) => pdfs(doc).map((name) => path.join(doc.output, name))))).problem;
  };
  // Each PDF format's main file (`handout.pdf`), from the registry.
  const { requireFormat } = await dist('formats/registry.js');
  const toolPdfName: Record<string, string> = Object.fromEntries(prepared.formats.map((id) => [id, (requireFormat(id).files as string[])[0]!]));
  const toolPdfs = () => prepared.formats.map((id) => toolPdfName[id]!);
  const pdfsPerDoc = prepared.formats.length;
  const add = (row: Omit<Row, 'size' | 'status' | 'runsMs'>, result: Summary | { status: 'not run'; note: string }) => {
    const runsMs = 'runsMs' in result ? result.runsMs : [];
    const ok = result.status === 'ok' && runsMs.length > 0;
    const added: Row = {
      size,
      ...row,
      status: result.status,
      runsMs,
      ...(ok && { ms: median(runsMs), minMs: Math.min(...runsMs), maxMs: Math.max(...runsMs) }),
      ...('peaks' in result && result.peaks.length && { peakMb: Math.max(...result.peaks) }),
      ...(result.note && { note: row.note ? `${row.note}; ${result.note}` : result.note }),
    };
    rows.push(added);
    return added;
  };
  const compare = (row: Row, base: Row) => {
    if (row.ms !== undefined && base.ms !== undefined && row.count && base.count)
      Object.assign(row, { against: base.tool, vs: row.ms / row.count / (base.ms / base.count) });
  };
  const section = (text: string) => console.error(`n=${size}: ${text}`);

  // 1. What a user runs: every format the project is configured for, then the incremental rebuilds.
  section('handouts, every format');
  const others = prepared.allFormats.filter((id) => !prepared.formats.includes(id));
  const allFormats = `cold build, every format (${prepared.allFormats.length} per document: ${pdfsPerDoc} PDFs and ${others.join(', ')})`;
  const [full] = await series([{ label: 'handouts full cold build', run: cold([]), check: built(size, toolPdfs) }], RUNS);
  add({ tool: 'handouts', work: allFormats, count: size, unit: 'document' }, full!);
  const [unchanged] = await series([{ label: 'handouts rebuild, nothing changed', run: () => handouts([]), check: built(0, () => []) }], RUNS);
  add({ tool: 'handouts', work: 'rebuild, nothing changed', count: size, unit: 'document', perUnit: false }, unchanged!);
  let edit = 0;
  const [one] = await series(
    [
      {
        label: 'handouts rebuild, one changed',
        run: () => {
          appendFileSync(files[0]!, `\nEdited ${++edit}.\n`);
          return handouts([]);
        },
        check: built(1, (doc) => (doc.slug === prepared.documents[0]?.slug ? toolPdfs() : [])),
      },
    ],
    RUNS,
  );
  add({ tool: 'handouts', work: 'rebuild, one document changed (every format)', count: 1, unit: 'document' }, one!);
  const [onePdf] = await series(
    [
      {
        label: 'handouts rebuild, one changed, PDF formats',
        run: () => {
          appendFileSync(files[0]!, `\nEdited ${++edit}.\n`);
          return handouts(['--format', prepared.formats.join(',')]);
        },
        check: built(1, (doc) => (doc.slug === prepared.documents[0]?.slug ? toolPdfs() : [])),
      },
    ],
    RUNS,
  );
  add({ tool: 'handouts', work: `rebuild, one document changed (the ${pdfsPerDoc} PDF formats)`, count: 1, unit: 'document' }, onePdf!);
  // Back as it was: the pages bench/prepare.mjs made for the floor and the peers are of this text.
  writeFileSync(files[0]!, original);

  // 2. The writer's loop, on a built project.
  if (size === DEV_SIZE) {
    section(`dev server, ${EDITS} saves`);
    const run = await measure(process.execPath, [path.join(BENCH, 'dev.mjs'), dir, files[0]!, JSON.stringify(launch), String(EDITS)], {
      cwd: dir,
      timeoutMs: 1_800_000,
    });
    let figures: DevFigures | undefined;
    let problem = run.code !== 0 ? `exit ${run.code}: ${lastLine(run.stderr)}` : undefined;
    try {
      if (!problem) figures = { size, ...(JSON.parse(run.stdout.trim().split('\n').pop()!) as Omit<DevFigures, 'size' | 'peakMb'>), peakMb: run.peakMb };
    } catch (error) {
      problem = `no result: ${(error as Error).message}`;
    }
    if (figures) dev.push(figures);
    if (figures?.failures.length) problem = figures.failures.slice(0, 2).join('; ');
    const devRow = (work: string, values: (number | null)[] | undefined, targetMs: number) => {
      const ms = (values ?? []).filter((v): v is number => typeof v === 'number');
      const result: Summary = problem ? { status: 'failed', runsMs: [], peaks: [], note: problem } : { status: 'ok', runsMs: ms, peaks: [run.peakMb] };
      add({ tool: 'handouts dev', work, count: 1, unit: 'save', targetMs, note: `${ms.length} saves; memory includes the viewing browser` }, result);
    };
    devRow('save -> open print preview shows the new text', figures?.textMs, 200);
    devRow('save -> new handout.pdf on disk', figures?.pdfMs, 800);
  }

  // 3. The same pages printed: the tool (PDF formats only) and the floor, interleaved.
  section(`PDF formats (${prepared.formats.join(', ')}) against the floor`);
  const floorPdfs = floorJob.pages.map((p) => p.pdf);
  const [toolPdf, floor] = await series(
    [
      { label: 'handouts --format pdf', run: cold(['--format', prepared.formats.join(',')]), check: built(size, toolPdfs) },
      {
        label: 'floor',
        run: () => {
          for (const file of floorPdfs) rmSync(file, { force: true });
          return measure(process.execPath, [path.join(BENCH, 'floor.mjs'), path.join(dir, 'floor/job.json'), JSON.stringify(launch)], {
            cwd: BENCH,
            timeoutMs,
          });
        },
        check: async () => (await pdfPages(floorPdfs)).problem,
      },
    ],
    RUNS,
  );
  // Same pages in, same pages out: each floor PDF has as many pages as the tool's.
  let samePages: string | undefined;
  if (toolPdf!.status === 'ok' && floor!.status === 'ok') {
    const floorPages = (await pdfPages(floorPdfs)).pages;
    const toolFiles = floorJob.pages.map((p) => path.join(output, p.lang, p.document, toolPdfName[p.format]!));
    const toolPages = (await pdfPages(toolFiles)).pages;
    const differ = floorJob.pages.filter((p, i) => floorPages.get(p.pdf) !== toolPages.get(toolFiles[i]!));
    samePages = differ.length
      ? `page counts differ from the tool's for ${differ.length} PDFs (${differ
          .slice(0, 2)
          .map((p) => `${p.document} ${p.format}`)
          .join(', ')})`
      : "page counts equal the tool's";
  }
  const formatsText = `${prepared.formats.length} PDF formats`;
  const toolRow = add({ tool: 'handouts', work: `cold build, ${formatsText} only`, count: floorPdfs.length, unit: 'PDF' }, toolPdf!);
  const floorRow = add(
    {
      tool: 'floor: bare Puppeteer',
      work: `the same ${floorPdfs.length} pages, printed as the tool prints them`,
      count: floorPdfs.length,
      unit: 'PDF',
      note: samePages,
    },
    floor!,
  );
  compare(toolRow, floorRow);

  // 4. The peers, each against the tool doing the same job.
  if (size > PEERS_UP_TO) {
    add(
      { tool: MARP, work: 'decks to PDF', count: size, unit: 'deck' },
      { status: 'not run', note: `peers run up to ${PEERS_UP_TO} documents (--peers-up-to)` },
    );
    add(
      { tool: MD_TO_PDF, work: 'handouts to PDF', count: size, unit: 'handout' },
      { status: 'not run', note: `peers run up to ${PEERS_UP_TO} documents (--peers-up-to)` },
    );
    return;
  }
  section('slides against Marp CLI');
  const marpOut = path.join(dir, 'marp/out');
  const marpPdfs = prepared.documents.map((doc) => path.join(marpOut, `${doc.slug}.pdf`));
  const slidesName = toolPdfName['slides-pdf'] ?? 'slides.pdf';
  const [toolSlides, marp] = await series(
    [
      { label: 'handouts --format slides-pdf', run: cold(['--format', 'slides-pdf']), check: built(size, () => [slidesName]) },
      {
        label: MARP,
        run: () => {
          rmSync(marpOut, { recursive: true, force: true });
          return measure(
            path.join(BENCH, 'node_modules/.bin/marp'),
            [
              '--pdf',
              '--input-dir',
              path.join(dir, 'marp/in'),
              '--output',
              marpOut,
              '--theme-set',
              path.join(dir, 'marp/theme.css'),
              '--html',
              '--allow-local-files',
              '--browser',
              'chrome',
              '--browser-path',
              launch.executablePath,
              '--parallel',
              String(CONCURRENCY),
            ],
            { cwd: dir, env: { CHROME_NO_SANDBOX: '1' }, timeoutMs },
          );
        },
        check: async () => {
          const made = existsSync(marpOut) ? readdirSync(marpOut).filter((n) => n.endsWith('.pdf')).length : 0;
          return made === size ? (await pdfPages(marpPdfs)).problem : `${made} of ${size} PDFs written`;
        },
      },
    ],
    RUNS,
  );
  let sameSlides: string | undefined;
  if (toolSlides!.status === 'ok' && marp!.status === 'ok') {
    const marpPages = (await pdfPages(marpPdfs)).pages;
    const toolPages = (await pdfPages(prepared.documents.map((doc) => path.join(doc.output, slidesName)))).pages;
    const differ = prepared.documents.filter((doc, i) => marpPages.get(marpPdfs[i]!) !== toolPages.get(path.join(doc.output, slidesName)));
    sameSlides = differ.length ? `slide counts differ from the tool's for ${differ.length} decks` : "slide counts equal the tool's";
  }
  const toolSlidesRow = add({ tool: 'handouts', work: 'cold build, slides-pdf only', count: size, unit: 'deck' }, toolSlides!);
  const marpRow = add({ tool: MARP, work: "the same decks (the tool's Marp Markdown and theme) to PDF", count: size, unit: 'deck', note: sameSlides }, marp!);
  compare(toolSlidesRow, marpRow);

  section('handouts against md-to-pdf');
  const mdIn = path.join(dir, 'md-to-pdf/in');
  const mdSources = prepared.documents.map((doc) => path.join(mdIn, `${doc.slug}.md`));
  const mdPdfs = prepared.documents.map((doc) => path.join(mdIn, `${doc.slug}.pdf`));
  const handoutName = toolPdfName['handout-pdf'] ?? 'handout.pdf';
  const launchOptions = JSON.stringify({ executablePath: launch.executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const [toolHandout, md] = await series(
    [
      { label: 'handouts --format handout-pdf', run: cold(['--format', 'handout-pdf']), check: built(size, () => [handoutName]) },
      {
        label: MD_TO_PDF,
        run: () => {
          for (const file of mdPdfs) rmSync(file, { force: true });
          return measure(process.execPath, [path.join(BENCH, 'md-to-pdf-pool.cjs'), String(CONCURRENCY), launchOptions, ...mdSources], { cwd: dir, timeoutMs });
        },
        check: async () => {
          const made = readdirSync(mdIn).filter((n) => n.endsWith('.pdf')).length;
          return made === size ? (await pdfPages(mdPdfs)).problem : `${made} of ${size} PDFs written`;
        },
      },
    ],
    RUNS,
  );
  const toolHandoutRow = add({ tool: 'handouts', work: 'cold build, handout-pdf only', count: size, unit: 'handout' }, toolHandout!);
  const mdRow = add({ tool: MD_TO_PDF, work: `the handout's Markdown to PDF, ${CONCURRENCY} at a time, its default style`, count: size, unit: 'handout' }, md!);
  compare(toolHandoutRow, mdRow);
}

interface DevFigures {
  size: number;
  startMs: number;
  textMs: (number | null)[];
  pdfMs: (number | null)[];
  failures: string[];
  peakMb: number;
}

const seconds = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

function table(rows: Row[], heading: string): string {
  const legend =
    'vs: time per unit of the row / that of the row named, doing the same job (below 1: faster). ' +
    'Peak memory: proportional set size of the whole process tree, browser included, highest of the runs.';
  const lines = [
    heading,
    '',
    legend,
    '',
    '| N | tool | work | count | wall time: median (min – max), runs | per unit | vs | peak memory | note |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const time =
      row.ms !== undefined
        ? `${seconds(row.ms)} (${seconds(row.minMs!)} – ${seconds(row.maxMs!)}), ${row.runsMs.length}${row.targetMs !== undefined ? `; target <= ${seconds(row.targetMs)}: ${row.ms <= row.targetMs ? 'met' : 'missed'}` : ''}`
        : `${row.status}`;
    const perUnit = row.ms !== undefined && row.count > 1 && row.perUnit !== false ? `${seconds(row.ms / row.count)} / ${row.unit}` : '';
    const vs = row.vs !== undefined ? `${row.vs.toFixed(2)}x ${row.against}` : '';
    lines.push(
      `| ${row.size} | ${row.tool} | ${row.work} | ${row.count} ${row.unit}${row.count === 1 ? '' : 's'} | ${time} | ${perUnit} | ${vs} | ${row.peakMb ? `${row.peakMb} MB` : ''} | ${(row.note ?? '').replace(/\|/g, '/')} |`,
    );
  }
  return lines.join('\n');
}

// --- main ---
installPeers();
if (!args.includes('--no-build')) {
  // tsc writes dist/ even when it reports type errors elsewhere in the tree; the benchmark measures what it wrote.
  try {
    execFileSync('npm', ['run', '--silent', 'build:ts'], { cwd: REPO, stdio: 'inherit' });
  } catch {
    console.error('warning: build:ts reported errors; measuring the dist/ it wrote');
  }
}
const codeHash = snapshotTool();
const git = gitState();
const { discoverBrowser } = await dist('browser/discover.js');
const { launchArgs } = await dist('browser/flags.js');
const { defaults } = await dist('config/types.js');
// The tool reads its browser from these (src/config/resolve.ts) before looking for one itself.
const explicit = process.env.HANDOUTS_BROWSER || process.env.CHROME_PATH || process.env.PUPPETEER_EXECUTABLE_PATH || undefined;
const attempts: Attempt[] = [];
const candidate = (await discoverBrowser({ explicit }, attempts)) as BrowserCandidate | undefined;
if (!candidate) throw new Error(`No browser for the benchmark: ${attempts.map((a) => `${a.label}: ${a.outcome}`).join('; ')}`);
// As src/browser/manager.ts launches it: the pool's page reuse, headless mode and switches.
const pageUses = Number(/\bconst PAGE_USES = (\d+)/.exec(readFileSync(path.join(TOOL, 'dist/browser/manager.js'), 'utf8'))?.[1]);
if (!pageUses) throw new Error('PAGE_USES not found in dist/browser/manager.js; bench/run.ts reads the page-reuse count from there');
const headlessShell =
  candidate.kind === 'headless-shell' ||
  candidate.kind === 'npm-package' ||
  (candidate.kind === 'explicit' && /headless|shell/i.test(path.basename(candidate.executablePath)));
const launch: Launch = {
  executablePath: candidate.executablePath,
  explicit: candidate.kind === 'explicit',
  headless: headlessShell ? 'shell' : true,
  args: launchArgs(candidate) as string[],
  concurrency: CONCURRENCY,
  pageUses,
  timeoutMs: defaults.timeout * 1000,
};
const version = execFileSync(candidate.executablePath, ['--version'], { encoding: 'utf8' }).trim();
const date = new Date().toISOString();
console.error(
  `Chromium for every tool: ${candidate.label} (${version}), headless ${headlessShell ? 'shell' : 'new'}; ${CONCURRENCY} at a time, pages reused ${pageUses} times; sizes ${SIZES.join(', ')}; ${RUNS} runs each`,
);
const rows: Row[] = [];
const dev: DevFigures[] = [];
const durations: Record<string, number> = {};
const load = { start: loadavg().map((n) => Number(n.toFixed(2))), end: [] as number[] };
for (const size of SIZES) {
  const started = performance.now();
  await benchSize(size, launch, rows, dev);
  durations[size] = Math.round((performance.now() - started) / 1000);
  console.error(`done: ${size} documents in ${Math.round(durations[size]! / 60)} min ${durations[size]! % 60} s`);
}
load.end = loadavg().map((n) => Number(n.toFixed(2)));
const heading =
  `${date.slice(0, 10)}; handouts ${git.commit ?? ''}${git.changedFiles ? ` + ${git.changedFiles} changed files` : ''} (dist ${codeHash}); ${version} (${candidate.label}, headless ${headlessShell ? 'shell' : 'new'}) for every tool; ` +
  `concurrency ${CONCURRENCY}; Node ${process.version}; ${availableParallelism()} cores; load average ${load.start[0]} at start, ${load.end[0]} at end; ` +
  `${RUNS} run${RUNS === 1 ? '' : 's'} per row (the dev rows: ${EDITS} saves), interleaved with the row compared; time to run: ${Object.entries(durations)
    .map(([n, s]) => `n=${n} ${Math.round(s / 60)} min`)
    .join(', ')}`;
const output = table(rows, heading);
console.log(output);
writeFileSync(
  path.join(BENCH, 'results.json'),
  `${JSON.stringify(
    {
      date,
      machine: { cores: availableParallelism(), node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage: load },
      tool: { ...git, dist: codeHash },
      browser: { executable: candidate.executablePath, from: candidate.label, version, headless: launch.headless, args: launch.args, pageUses },
      concurrency: CONCURRENCY,
      runs: RUNS,
      sizes: SIZES,
      secondsPerSize: durations,
      rows,
      dev,
      table: output,
    },
    null,
    2,
  )}\n`,
);
