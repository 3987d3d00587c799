import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRef } from '../../src/core/document-ref.js';
import { UsageError } from '../../src/core/errors.js';
import { inShard, parseShard, shardKey, shardOf } from '../../src/pipeline/shard.js';
import { planMerge, type ShardInput } from '../../src/pipeline/merge-plan.js';
import type { DocumentReport } from '../../src/report/types.js';

const CONTENT = '/project/content';

/** A document ref as discovery makes it, for `content/<file>`. */
const ref = (file: string): DocumentRef => ({ path: path.join(CONTENT, file), source: `content/${file}`, slug: path.posix.basename(file, '.md') });

/** About 40 documents: top-level ones, and the same slugs again in language folders. */
const REFS = Array.from({ length: 40 }, (_, i) => ref(i % 4 === 3 ? `es/topic-${i - 3}.md` : `topic-${i}.md`));
const sources = (refs: readonly DocumentRef[]) => refs.map((r) => r.source);

describe('shards', () => {
  it('split the documents into disjoint parts whose union is the whole set, for N from 1 to 4', () => {
    for (let count = 1; count <= 4; count++) {
      const parts = Array.from({ length: count }, (_, i) => inShard(REFS, CONTENT, { index: i + 1, count }));
      const all = parts.flat();
      expect(new Set(sources(all)).size, `N=${count}: no document twice`).toBe(all.length);
      expect(sources(all).sort(), `N=${count}: every document once`).toEqual(sources(REFS).sort());
      // Every part keeps the discovery order.
      for (const part of parts) expect(sources(part)).toEqual(sources(REFS).filter((s) => sources(part).includes(s)));
      if (count > 1) for (const part of parts) expect(part.length, `N=${count}: a part is neither empty nor everything`).toBeGreaterThan(0);
      if (count > 1) for (const part of parts) expect(part.length).toBeLessThan(REFS.length);
    }
  });

  it('1/1 and no shard are the whole set', () => {
    expect(inShard(REFS, CONTENT, parseShard('1/1'))).toEqual(REFS);
    expect(inShard(REFS, CONTENT, parseShard(undefined))).toEqual(REFS);
  });

  it('leave every document where it was when another is added', () => {
    for (let count = 1; count <= 4; count++) {
      const shardsOf = (refs: readonly DocumentRef[]) =>
        new Map(
          Array.from({ length: count }, (_, i) => inShard(refs, CONTENT, { index: i + 1, count })).flatMap((part, i) =>
            part.map((r) => [r.source, i + 1] as const),
          ),
        );
      const before = shardsOf(REFS);
      for (const added of ['a-new-topic.md', 'es/a-new-topic.md', 'fr/topic-0.md', 'zzz.md']) {
        const after = shardsOf([...REFS, ref(added)].sort((a, b) => a.path.localeCompare(b.path)));
        for (const [source, shard] of before) expect(after.get(source), `${source} after adding ${added}`).toBe(shard);
        expect(after.get(`content/${added}`)).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('tell a document in a language folder from the one of the same name outside it', () => {
    expect(shardKey(ref('es/topic-0.md'), CONTENT)).toBe('es/topic-0.md');
    expect(shardKey(ref('topic-0.md'), CONTENT)).toBe('topic-0.md');
    // Of the pairs with the same slug, some land in different shards of 4: the folder is part of the key.
    const split = REFS.filter((r) => r.source.startsWith('content/es/')).filter((r) => shardOf(shardKey(r, CONTENT), 4) !== shardOf(`${r.slug}.md`, 4));
    expect(split.length).toBeGreaterThan(0);
  });

  it('depend on the path inside the content folder, not on where the project lies', () => {
    const elsewhere = REFS.map((r) => ({ ...r, path: path.join('/ci/job-7/checkout/content', path.relative(CONTENT, r.path)) }));
    expect(sources(inShard(elsewhere, '/ci/job-7/checkout/content', { index: 2, count: 3 }))).toEqual(sources(inShard(REFS, CONTENT, { index: 2, count: 3 })));
  });

  it('are named I/N; anything else is a usage error', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 3 / 3 ')).toEqual({ index: 3, count: 3 });
    for (const bad of ['0/3', '4/3', 'a/b', '1/0', '0/0', '-1/3', '1.5/3', '2', '2/', '/4', '1/2/3', '2of4']) {
      expect(() => parseShard(bad), bad).toThrow(UsageError);
      expect(() => parseShard(bad), bad).toThrow(new RegExp(`Shard \`${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\` is not valid`));
    }
  });
});

describe('planning a merge', () => {
  const doc = (source: string, dir: string): DocumentReport => {
    const slug = path.posix.basename(source, '.md');
    return {
      source,
      slug,
      lang: 'en',
      status: 'built',
      outputs: [{ format: 'deck', file: `${dir}/en/${slug}/deck.html`, files: [`${dir}/en/${slug}/deck.html`, `${dir}/en/${slug}/pics/001.png`], sha256: 'x' }],
      diagnostics: [],
    };
  };
  const shard = (name: string, prefix: string, documents: DocumentReport[]): ShardInput => ({
    name,
    dir: `/project/${name}`,
    prefix,
    documents,
    cached: () => undefined,
  });

  it('moves every path from the shard folder to the merged one and copies each file once', () => {
    const plan = planMerge(
      [shard('part-1', 'part-1/', [doc('content/a.md', 'part-1')]), shard('part-2', 'output/', [doc('content/b.md', 'output')])],
      'merged/',
    );
    expect(plan.documents.map((d) => d.outputs[0]!.files)).toEqual([
      ['merged/en/a/deck.html', 'merged/en/a/pics/001.png'],
      ['merged/en/b/deck.html', 'merged/en/b/pics/001.png'],
    ]);
    expect(plan.documents[0]!.outputs[0]!.file).toBe('merged/en/a/deck.html');
    expect(plan.copies).toEqual([
      { from: '/project/part-1/en/a/deck.html', to: 'merged/en/a/deck.html' },
      { from: '/project/part-1/en/a/pics/001.png', to: 'merged/en/a/pics/001.png' },
      { from: '/project/part-2/en/b/deck.html', to: 'merged/en/b/deck.html' },
      { from: '/project/part-2/en/b/pics/001.png', to: 'merged/en/b/pics/001.png' },
    ]);
  });

  it('refuses two shards that hold the same document, naming it', () => {
    expect(() =>
      planMerge([shard('part-1', 'part-1/', [doc('content/a.md', 'part-1')]), shard('part-2', 'part-2/', [doc('content/a.md', 'part-2')])], 'output/'),
    ).toThrow(/Document `content\/a\.md` is in two shards, `part-1` and `part-2`/);
  });

  it('moves the cache entries too, dropping a cached output whose files lie outside the shard folder', () => {
    const file = (name: string) => ({ file: name, sha256: 'x', size: 1, mtimeMs: 1 });
    const entry = {
      hash: 'h',
      deps: { 'content/a.md': 'd' },
      review: 'ok',
      report: doc('content/a.md', 'part-1'),
      outputs: [
        { format: 'deck', key: 'k', files: [file('part-1/en/a/deck.html'), file('part-1/en/a/pics/001.png')], diagnostics: [] },
        { format: 'old', key: 'k2', files: [file('part-1/../../../home/user/notes.txt')], diagnostics: [] },
      ],
    };
    const input = {
      ...shard('part-1', 'part-1/', [doc('content/a.md', 'part-1')]),
      cached: (source: string) => (source === 'content/a.md' ? entry : undefined),
    };
    const [[source, moved]] = planMerge([input], 'output/').entries as [[string, typeof entry]];
    expect(source).toBe('content/a.md');
    expect(moved.outputs.map((o) => o.files.map((f) => f.file))).toEqual([['output/en/a/deck.html', 'output/en/a/pics/001.png']]);
    expect(moved.report.outputs[0]!.file).toBe('output/en/a/deck.html');
  });

  it('refuses a manifest whose paths leave the shard folder', () => {
    const evil = doc('content/a.md', 'part-1');
    evil.outputs[0]!.file = 'part-1/../../etc/passwd';
    expect(() => planMerge([shard('part-1', 'part-1/', [evil])], 'output/')).toThrow(/not a file inside it/);
  });
});
