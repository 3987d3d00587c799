import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { toString as nodeText } from 'mdast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { OutputFormat } from '../../src/formats/format.js';
import { registerFormat } from '../../src/formats/register.js';
import { check } from '../../src/pipeline/check.js';
import { registerRule } from '../../src/rules/registry.js';
import type { SourceRule } from '../../src/rules/rule.js';
import { tempProject } from '../helpers/project.js';

/** A rule known only to this test: registering it is the only change. */
const tooLong: SourceRule<{ most: number }> = {
  id: 'too-many-words',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'a document longer than a set number of words',
  defaults: { most: 100_000 },
  options: (z) => ({ most: z.number().int().min(1).optional() }),
  check(doc, _context, { report, options }) {
    const words = nodeText(doc.tree).split(/\s+/).filter(Boolean).length;
    if (words > options.most) report(`${words} words; keep to ${options.most}`, { place: doc.metaPlaces.title });
  },
};

describe('a rule registered from outside', () => {
  const project = tempProject('cache');
  const config = (rules: string) => {
    writeFileSync(path.join(project.dir, 'handouts.config.yaml'), `formats: [handout-html]\nrules:\n${rules}`);
    return loadConfig({ cwd: project.dir, env: {} });
  };
  const found = async (rules: string) =>
    (await check({ config: await config(rules) })).documents.flatMap((d) =>
      d.diagnostics.filter((x) => x.rule === tooLong.id).map((x) => ({ file: x.file, severity: x.severity, message: x.message })),
    );
  afterAll(() => project.cleanup());

  it('is refused in the config while it is not registered', async () => {
    await expect(config('  too-many-words: error\n')).rejects.toThrow(/handouts.config.yaml:3:3 .*too-many-words/);
  });

  it('runs with its default severity and options, and takes its severity and options from the config', async () => {
    const unregister = registerRule(tooLong);
    try {
      expect(await found('  image-alt: error\n')).toEqual([]);
      const strict = await found('  too-many-words: { severity: error, most: 3 }\n');
      expect(strict.length).toBeGreaterThan(1);
      expect(strict[0]).toMatchObject({
        file: expect.stringMatching(/^content\/.*\.md$/),
        severity: 'error',
        message: expect.stringMatching(/ words; keep to 3$/),
      });
      expect((await found('  too-many-words: { most: 3 }\n')).every((d) => d.severity === 'warning')).toBe(true);
      expect(await found('  too-many-words: off\n')).toEqual([]);
      await expect(config('  too-many-words: { most: 0 }\n')).rejects.toThrow(/handouts.config.yaml:3:.*most/);
    } finally {
      unregister();
    }
  });

  it('is checked against a format that names it as a page rule, which must name a registered page rule', () => {
    const format = (pageRules: string[]): OutputFormat => ({
      id: 'test-rules',
      family: 'test',
      kind: 'txt',
      label: 'Test',
      unit: 'pages',
      files: ['t.txt'],
      browser: false,
      settings: () => ({}),
      pageRules,
      produce: async () => ({ files: { 't.txt': '' } }),
    });
    expect(() => registerFormat(format(['no-such-rule']))).toThrow('`no-such-rule` is not a registered rule');
    expect(() => registerFormat(format(['image-alt']))).toThrow('`image-alt` is a source rule, not a page rule');
    registerFormat(format(['disclaimer']))();
  });
});

describe('the built-in formats', () => {
  it('each pass the checks a registered format passes', async () => {
    const { allFormats, formatProblems } = await import('../../src/formats/registry.js');
    const { pageRuleProblems } = await import('../../src/rules/registry.js');
    expect(allFormats().flatMap((format) => formatProblems(format, pageRuleProblems).map((problem) => `${format.id}: ${problem}`))).toEqual([]);
  });
});
