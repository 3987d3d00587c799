// npm run bench:diff: how long `handouts diff` takes to review a change, on the repository's content
// and on a synthetic project of 50 conditions (bench/generate.ts). For each size: the five printed
// formats are built once (base), then again after one word changed in one document, after one
// word changed in a partial every document includes, and with nothing changed; `handouts diff
// base HEAD --report` is timed --runs times against each (median and range), and what it listed is
// checked. Prints a Markdown table and writes bench/diff-results.json.
// Usage: npm run bench:diff [-- --sizes 3,50 --runs 3]
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from './generate.js';
import { measure, median } from './measure.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
const WORK = path.join(BENCH, 'work', 'diff');
const BIN = path.join(REPO, 'bin/handouts.js');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : fallback);
const SIZES = option('sizes', '3,50').split(',').map(Number);
const RUNS = Number(option('runs', '3'));
const FORMATS = 'handout-pdf,large-print-pdf,brochure-pdf,slides-pdf,slides-notes-pdf';

const run = async (cwd: string, ...rest: string[]) => {
  const result = await measure(process.execPath, [BIN, ...rest], { cwd, env: { HANDOUTS_TODAY: '2026-12-01' } });
  if (result.code !== 0 && !(rest[0] === 'diff' && result.code === 1)) throw new Error(`handouts ${rest.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result;
};
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} lacks ${from}`);
  writeFileSync(file, text.replace(from, to));
};

interface Row {
  size: number;
  change: string;
  documents: number;
  pages: number;
  drawn: number;
  runsMs: number[];
  ms: number;
}

const rows: Row[] = [];
for (const size of SIZES) {
  const dir = path.join(WORK, `n${size}`);
  if (size === 3) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
    cpSync(path.join(REPO, 'templates'), path.join(dir, 'templates'), { recursive: true });
  } else generateProject(REPO, dir, size);
  const one = path.join(dir, 'content', size === 3 ? 'sjogrens-syndrome.md' : 'condition-0002.md');
  const build = (out: string) => run(dir, 'build', '--quiet', '--format', FORMATS, '--out', out);
  await build('base');
  await build('same');
  edit(one, 'Dry eyes may feel gritty or burn.', 'Dry eyes may feel gritty or sting.');
  await build('one-word');
  edit(path.join(dir, 'content/_partials/stem-cells.md'), "the body's starter cells, because", "the body's first cells, because");
  await build('partial');
  for (const [change, head] of [
    ['nothing changed', 'same'],
    ['one word in one document', 'one-word'],
    ['one word in a partial every document includes', 'partial'],
  ] as const) {
    const runsMs: number[] = [];
    let listed = { documents: 0, pages: 0, drawn: 0 };
    for (let i = 0; i < RUNS; i++) {
      rmSync(path.join(dir, 'review'), { recursive: true, force: true });
      const result = await run(dir, 'diff', 'base', head, '--report', 'review', '--json');
      runsMs.push(result.ms);
      listed = JSON.parse(result.stdout).summary;
    }
    // What it must have listed: nothing, the one document, or every English document (the partial is English).
    const expected = head === 'same' ? 0 : head === 'one-word' ? 1 : size === 3 ? 3 : size;
    if (listed.documents !== expected) throw new Error(`${change} at ${size}: listed ${listed.documents} documents, expected ${expected}`);
    rows.push({ size, change, ...listed, runsMs, ms: median(runsMs) });
    console.error(
      `${size} documents, ${change}: ${Math.round(median(runsMs))} ms (${listed.documents} documents, ${listed.pages} pages listed, ${listed.drawn} pages drawn)`,
    );
  }
}

const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
console.log('| documents | change | listed | pages drawn | `handouts diff --report`: median (min – max), runs |');
console.log('| ---: | --- | --- | ---: | ---: |');
for (const row of rows) {
  const range = `${seconds(Math.min(...row.runsMs))} – ${seconds(Math.max(...row.runsMs))}`;
  console.log(
    `| ${row.size === 3 ? "3 (the repository's content)" : row.size} | ${row.change} | ${row.documents} documents, ${row.pages} pages | ${row.drawn} | ${seconds(row.ms)} (${range}), ${row.runsMs.length} |`,
  );
}
writeFileSync(path.join(BENCH, 'diff-results.json'), `${JSON.stringify({ formats: FORMATS, rows }, null, 2)}\n`);
