// npm run bench: handouts against the floor (bare Puppeteer), Marp CLI and md-to-pdf, on
// synthetic projects of 3, 50 and 500 conditions made from the real content. Prints a table of
// medians and ratios and writes bench/results.json. Usage: npm run bench [-- --sizes 3,50 --runs 3]
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverBrowser, type Attempt } from '../src/browser/discover.js';
import { generateProject, peerMarkdown } from './generate.js';
import { measure, median, type Run } from './measure.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
const WORK = path.join(BENCH, 'work');
const BIN = path.join(REPO, 'bin/handouts.js');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const SIZES = option('sizes', '3,50,500').split(',').map(Number);
const RUNS = Number(option('runs', '3'));
const PEERS_UP_TO = Number(option('peers-up-to', '50'));
const CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()));

interface Row {
  size: number;
  tool: string;
  work: string;
  pdfs: number;
  status: 'ok' | 'failed' | 'not run';
  ms?: number;
  peakMb?: number;
  note?: string;
}

function installPeers(): void {
  if (existsSync(path.join(BENCH, 'node_modules/.bin/marp')) && existsSync(path.join(BENCH, 'node_modules/.bin/md-to-pdf'))) return;
  console.error('Installing Marp CLI and md-to-pdf into bench/node_modules ...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: BENCH, stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
}

async function repeat(runs: number, run: (i: number) => Promise<Run>, check?: (r: Run) => string | undefined) {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await run(i);
    results.push(result);
    const problem = result.code !== 0 ? `exit ${result.code}: ${lastLine(result.stderr)}` : check?.(result);
    if (problem) return { status: 'failed' as const, note: problem, runs: results };
  }
  return { status: 'ok' as const, ms: median(results.map((r) => r.ms)), peakMb: Math.max(...results.map((r) => r.peakMb)), runs: results };
}

/** The line of a failed run's output that says what went wrong. */
function lastLine(text: string): string {
  const lines = text.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /error/i.test(l)) ?? lines.pop() ?? '').slice(0, 160).replace(/\|/g, '/');
}

async function benchSize(size: number, chromium: string, rows: Row[]): Promise<void> {
  const dir = path.join(WORK, `n${size}`);
  const files = generateProject(REPO, dir, size);
  const runs = size >= 500 ? 1 : RUNS;
  const handouts = (extra: string[]) =>
    measure(process.execPath, [BIN, 'build', '--quiet', '--json', '--browser', chromium, '--concurrency', String(CONCURRENCY), ...extra], { cwd: dir });
  const built = (expected: number) => (r: Run) => {
    const summary = JSON.parse(r.stdout).summary;
    return summary.built === expected && summary.failed === 0 ? undefined : `expected ${expected} built, got ${JSON.stringify(summary)}`;
  };
  const add = (tool: string, work: string, pdfs: number, result: Awaited<ReturnType<typeof repeat>> | { status: 'not run'; note: string }) =>
    rows.push({ size, tool, work, pdfs, status: result.status, ms: 'ms' in result ? result.ms : undefined, peakMb: 'peakMb' in result ? result.peakMb : undefined, note: 'note' in result ? result.note : undefined });

  add('handouts', 'cold build (handout PDF+HTML, deck PDF+HTML)', 2 * size, await repeat(runs, () => (rmSync(path.join(dir, 'output'), { recursive: true, force: true }), handouts([])), built(size)));
  add('handouts', 'rebuild, nothing changed', 0, await repeat(runs, () => handouts([]), built(0)));
  add('handouts', 'rebuild, one document changed', 2, await repeat(runs, (i) => (appendFileSync(files[0]!, `\nEdited ${i}.\n`), handouts([])), built(1)));

  const pages = files.flatMap((file) => {
    const slug = path.basename(file, '.md');
    return ['handout.html', 'slides.html'].map((name) => path.join(dir, 'output/en', slug, name));
  });
  const floorOut = path.join(dir, 'floor');
  mkdirSync(floorOut, { recursive: true });
  add('floor: bare Puppeteer', 'the same pages to PDF, one browser', 2 * size, await repeat(runs, () => measure(process.execPath, [path.join(BENCH, 'floor.mjs'), chromium, String(CONCURRENCY), floorOut, ...pages], { cwd: BENCH })));

  if (size > PEERS_UP_TO) {
    add('Marp CLI 4.5.1', 'decks to PDF', size, { status: 'not run', note: `peers run up to ${PEERS_UP_TO} documents (--peers-up-to)` });
    add('md-to-pdf 5.2.5', 'handouts to PDF', size, { status: 'not run', note: `peers run up to ${PEERS_UP_TO} documents (--peers-up-to)` });
    return;
  }
  const marpIn = peerMarkdown(files, path.join(dir, 'marp-in'), true);
  const marpOut = path.join(dir, 'marp-out');
  add('Marp CLI 4.5.1', 'decks to PDF', size, await repeat(runs, () => (rmSync(marpOut, { recursive: true, force: true }), measure(path.join(BENCH, 'node_modules/.bin/marp'), ['--pdf', '--input-dir', path.dirname(marpIn[0]!), '--output', marpOut, '--browser', 'chrome', '--browser-path', chromium, '--parallel', String(CONCURRENCY)], { cwd: dir, env: { CHROME_NO_SANDBOX: '1' } })), () => {
    const made = existsSync(marpOut) ? readdirSync(marpOut).filter((n) => n.endsWith('.pdf')).length : 0;
    return made === size ? undefined : `${made} of ${size} PDFs written`;
  }));
  const mdIn = peerMarkdown(files, path.join(dir, 'md-in'), false);
  const launch = JSON.stringify({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
  add('md-to-pdf 5.2.5', 'handouts to PDF', size, await repeat(runs, () => measure(path.join(BENCH, 'node_modules/.bin/md-to-pdf'), [...mdIn, '--launch-options', launch], { cwd: dir, timeoutMs: 600_000 }), () => {
    const made = readdirSync(path.dirname(mdIn[0]!)).filter((n) => n.endsWith('.pdf')).length;
    return made === size ? undefined : `${made} of ${size} PDFs written`;
  }));
}

function table(rows: Row[]): string {
  const lines = ['| N | tool | work | PDFs | wall time (median) | per PDF | vs floor | peak memory |', '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const row of rows) {
    const floor = rows.find((r) => r.size === row.size && r.tool.startsWith('floor'));
    const perPdf = row.ms !== undefined && row.pdfs ? `${Math.round(row.ms / row.pdfs)} ms` : '';
    const floorPerPdf = floor?.ms && floor.pdfs ? floor.ms / floor.pdfs : undefined;
    const ratio = row.ms !== undefined && row.pdfs && floorPerPdf ? `${(row.ms / row.pdfs / floorPerPdf).toFixed(2)}x` : '';
    const time = row.status === 'ok' ? `${(row.ms! / 1000).toFixed(2)} s` : `${row.status}${row.note ? `: ${row.note}` : ''}`;
    lines.push(`| ${row.size} | ${row.tool} | ${row.work} | ${row.pdfs} | ${time} | ${perPdf} | ${ratio} | ${row.peakMb ? `${row.peakMb} MB` : ''} |`);
  }
  return lines.join('\n');
}

installPeers();
const attempts: Attempt[] = [];
const browser = await discoverBrowser({ explicit: process.env.CHROME_PATH }, attempts);
if (!browser) throw new Error(`No browser for the benchmark: ${attempts.map((a) => `${a.label}: ${a.outcome}`).join('; ')}`);
console.error(`Chromium for every tool: ${browser.executablePath}; ${CONCURRENCY} at a time; sizes ${SIZES.join(', ')}`);
execFileSync('npm', ['run', '--silent', 'build:ts'], { cwd: REPO, stdio: 'inherit' });
const rows: Row[] = [];
for (const size of SIZES) {
  await benchSize(size, browser.executablePath, rows);
  console.error(`done: ${size} documents`);
}
const output = table(rows);
console.log(output);
writeFileSync(path.join(BENCH, 'results.json'), `${JSON.stringify({ machine: { cores: availableParallelism(), node: process.version }, concurrency: CONCURRENCY, chromium: browser.label, rows }, null, 2)}\n`);
