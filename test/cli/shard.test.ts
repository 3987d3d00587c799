import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { discoverDocuments } from '../../src/discover/documents.js';
import { inShard } from '../../src/pipeline/shard.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/project.js';

const TODAY = ['--today', '2026-12-01'];

/** Every file under `dir`, relative and with forward slashes, but the build cache (its time stamps differ). */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => file !== '.handouts-cache.json')
    .sort();
}

/** The two folders hold the same files with the same bytes (the build cache aside). */
function expectSameTree(actual: string, expected: string): void {
  const files = tree(expected);
  expect(files.length).toBeGreaterThan(3);
  expect(tree(actual)).toEqual(files);
  const differ = files.filter((file) => !readFileSync(path.join(actual, file)).equals(readFileSync(path.join(expected, file))));
  expect(differ).toEqual([]);
}

const manifestSources = (dir: string): string[] =>
  JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).documents.map((d: { source: string }) => d.source);

/** The document folders (`<lang>/<slug>`) in an output folder. */
const outputFolders = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((lang) => readdirSync(path.join(dir, lang.name)).map((slug) => `${lang.name}/${slug}`))
    .sort();

describe('build --shard and merge', () => {
  const project = tempProject();
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  // Quick formats, one of them printed to PDF by the browser, plus the catalog's picture.
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(project.dir, [...args, '--format', 'handout,slides-html', '--browser-endpoint', inject('browserEndpoint'), ...TODAY], env);
  let all: string[];
  /** Where each document's files go: `<lang>/<slug>`, by source. */
  const folder = new Map<string, string>();
  const shards: { sources: string[]; dir: string }[] = [];

  beforeAll(async () => {
    const full = await cli(['build', '--json']);
    expect(full.code, full.stderr).toBe(0);
    all = full
      .json()
      .documents.map((d: { source: string }) => d.source)
      .sort();
    for (const d of full.json().documents) folder.set(d.source, `${d.lang}/${d.slug}`);
    expect(all.length).toBeGreaterThanOrEqual(3);
    // The full build moves aside, so the merge below writes into a fresh `output/` as the build did.
    renameSync(file('output'), file('full'));
    for (let i = 1; i <= 4; i++) {
      const result = await cli(['build', '--json', '--shard', `${i}/4`, '--out', `shards/${i}`]);
      expect(result.code, result.stderr).toBe(0);
      shards.push({ sources: result.json().documents.map((d: { source: string }) => d.source), dir: file(`shards/${i}`) });
    }
  }, 300_000);
  afterAll(() => project.cleanup());

  it('builds each document in exactly one shard, and each shard only its own', () => {
    const built = shards.flatMap((shard) => shard.sources);
    expect(built.sort()).toEqual(all);
    expect(new Set(built).size).toBe(built.length);
    expect(shards.filter((shard) => shard.sources.length > 0).length).toBeGreaterThan(1);
    const refs = discoverDocuments(file('content'), project.dir);
    shards.forEach((shard, i) => {
      // The split is the stable one (sha256 of the path inside content/, modulo N).
      expect(shard.sources).toEqual(inShard(refs, file('content'), { index: i + 1, count: 4 }).map((ref) => ref.source));
      // Its manifest, its output folders and its catalog hold its documents and no other.
      expect(manifestSources(shard.dir)).toEqual([...shard.sources].sort());
      expect(outputFolders(shard.dir)).toEqual(shard.sources.map((source) => folder.get(source)).sort());
      const catalog = readFileSync(path.join(shard.dir, 'index.html'), 'utf8');
      for (const source of all)
        expect(catalog.includes(`${folder.get(source)}/`), `${source} in the catalog of shard ${i + 1}`).toBe(shard.sources.includes(source));
    });
  });

  it('merges the shards into the output a full build writes, byte for byte', async () => {
    const merged = await runCli(project.dir, ['merge', 'shards/1', 'shards/2', 'shards/3', 'shards/4', '--json', ...TODAY]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.json().summary).toMatchObject({ documents: all.length, built: all.length, failed: 0 });
    expect(merged.json().missing).toEqual([]);
    expect(merged.stderr).toContain(`Merged 4 shards into output: ${all.length} documents`);
    expectSameTree(file('output'), file('full'));
    // The merged cache is the full build's: a build on the merged output finds everything current.
    const again = await cli(['build', '--json']);
    expect(again.json().documents.map((d: { status: string }) => d.status)).toEqual(all.map(() => 'skipped'));
    expectSameTree(file('output'), file('full'));
  });

  it('merges a folder that was built as `output/` and then moved (a CI artifact)', async () => {
    rmSync(file('output'), { recursive: true, force: true });
    const merged = await runCli(project.dir, ['merge', 'full', ...TODAY]);
    expect(merged.code, merged.stderr).toBe(0);
    expectSameTree(file('output'), file('full'));
  });

  it('keeps a shard built over an output folder holding other documents (a restored CI cache) to its own', async () => {
    const index = shards.findIndex((shard) => shard.sources.length > 0 && shard.sources.length < all.length);
    cpSync(file('full'), file('restored'), { recursive: true });
    // No `output/` beside it, which its copied cache points into: the shard's documents are built again.
    rmSync(file('output'), { recursive: true, force: true });
    const result = await cli(['build', '--json', '--shard', `${index + 1}/4`, '--out', 'restored']);
    expect(result.code, result.stderr).toBe(0);
    expect(manifestSources(file('restored'))).toEqual([...shards[index]!.sources].sort());
    const catalog = readFileSync(file('restored/index.html'), 'utf8');
    for (const source of all) expect(catalog.includes(`${folder.get(source)}/`), source).toBe(shards[index]!.sources.includes(source));
    expect(result.json().summary).toMatchObject({ built: shards[index]!.sources.length, skipped: 0 });
    const others = shards.map((_, i) => (i === index ? 'restored' : `shards/${i + 1}`));
    const merged = await runCli(project.dir, ['merge', ...others, ...TODAY]);
    expect(merged.code, merged.stderr).toBe(0);
    expectSameTree(file('output'), file('full'));
  });

  it('refuses two shards that hold the same document, naming it, and writes nothing', async () => {
    const index = shards.findIndex((shard) => shard.sources.length > 0);
    const result = await runCli(project.dir, ['merge', 'full', `shards/${index + 1}`, '--out', 'refused', ...TODAY]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: Document \`${[...shards[index]!.sources].sort()[0]}\` is in two shards, \`full\` and \`shards/${index + 1}\``);
    expect(existsSync(file('refused'))).toBe(false);
  });

  it('refuses a folder that is not the output of a build', async () => {
    const result = await runCli(project.dir, ['merge', 'content', '--out', 'refused', ...TODAY]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: `content` is not the output folder of a build');
    expect(existsSync(file('refused'))).toBe(false);
  });

  it('rejects a shard that is not I/N with 1 <= I <= N as a usage error', async () => {
    for (const bad of ['0/3', '4/3', 'a/b']) {
      const result = await cli(['build', '--shard', bad, '--out', 'bad']);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain(`error: Shard \`${bad}\` is not valid`);
    }
    const environment = await cli(['build', '--out', 'bad'], { HANDOUTS_SHARD: '5/4' });
    expect(environment.code).toBe(2);
    expect(environment.stderr).toContain('error: Shard `5/4` is not valid');
    expect(existsSync(file('bad'))).toBe(false);
  });
});

describe('more shards than documents', () => {
  it('leaves some shards empty, and they merge like the others', async () => {
    const project = tempProject('cache');
    const file = (...parts: string[]) => path.join(project.dir, ...parts);
    const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      runCli(project.dir, [...args, '--format', 'handout-html', '--browser-endpoint', inject('browserEndpoint'), ...TODAY], env);
    try {
      expect((await cli(['build'])).code).toBe(0);
      renameSync(file('output'), file('full'));
      const counts: number[] = [];
      for (let i = 1; i <= 5; i++) {
        // The last shard is named in the environment, as a CI matrix may set it.
        const result =
          i < 5
            ? await cli(['build', '--json', '--shard', `${i}/5`, '--out', `part-${i}`])
            : await cli(['build', '--json', '--out', `part-${i}`], { HANDOUTS_SHARD: '5/5' });
        expect(result.code, result.stderr).toBe(0);
        counts.push(result.json().documents.length);
        expect(manifestSources(file(`part-${i}`))).toHaveLength(counts[i - 1]!);
      }
      expect(counts.reduce((a, b) => a + b)).toBe(3);
      expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(2);
      const merged = await runCli(project.dir, ['merge', 'part-1', 'part-2', 'part-3', 'part-4', 'part-5', ...TODAY]);
      expect(merged.code, merged.stderr).toBe(0);
      expectSameTree(file('output'), file('full'));
    } finally {
      project.cleanup();
    }
  }, 120_000);
});
