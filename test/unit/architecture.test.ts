import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { allFormats } from '../../src/formats/registry.js';
import { REPO } from '../helpers/project.js';

const later = (...stages: string[]) => `^src/(${stages.join('|')})/`;

/** The floor plan: the ground floor imports nothing above it, and no stage imports a later one. */
const RULES: IForbiddenRuleType[] = [
  // Type imports count: a type cycle is still two modules that cannot be understood apart.
  { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  { name: 'core-is-ground', severity: 'error', from: { path: '^src/core/' }, to: { path: '^src/', pathNot: '^src/core/' } },
  {
    name: 'discover-first',
    severity: 'error',
    from: { path: '^src/discover/' },
    to: { path: later('parse', 'transform', 'rules', 'formats', 'print', 'browser', 'cache', 'write', 'pipeline', 'cli') },
  },
  {
    name: 'parse-before-transform',
    severity: 'error',
    from: { path: '^src/parse/' },
    to: { path: later('transform', 'rules', 'formats', 'print', 'browser', 'cache', 'write', 'pipeline', 'cli') },
  },
  {
    name: 'transform-before-rules',
    severity: 'error',
    from: { path: '^src/transform/' },
    to: { path: later('rules', 'formats', 'print', 'browser', 'cache', 'write', 'pipeline', 'cli') },
  },
  {
    name: 'rules-call-no-renderer',
    severity: 'error',
    from: { path: '^src/rules/' },
    to: { path: later('formats', 'print', 'browser', 'cache', 'write', 'pipeline', 'cli'), dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'formats-before-write',
    severity: 'error',
    from: { path: '^src/(formats|print|browser)/' },
    to: { path: later('cache', 'write', 'pipeline', 'cli') },
  },
  {
    name: 'only-the-top-runs-the-pipeline',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/(pipeline|cli|dev)/|^src/index\\.ts$' },
    to: { path: '^src/pipeline/' },
  },
  { name: 'only-the-top-serves', severity: 'error', from: { path: '^src/', pathNot: '^src/(cli|dev)/|^src/index\\.ts$' }, to: { path: '^src/dev/' } },
  { name: 'nothing-imports-the-cli', severity: 'error', from: { path: '^src/', pathNot: '^src/cli/' }, to: { path: '^src/cli/' } },
];

describe('the floor plan of src/', () => {
  it('has no import cycles and no import from a later stage', async () => {
    const result = await cruise(
      ['src'],
      { validate: true, tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' }, ruleSet: { forbidden: RULES } },
      undefined,
      {
        tsConfig: { fileName: path.join(REPO, 'tsconfig.json') },
      },
    );
    const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
    expect(output.modules.length).toBeGreaterThan(80);
    const violations = output.summary.violations.map((v: { rule: { name: string }; from: string; to: string }) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(violations).toEqual([]);
  });

  it('keeps files small: median at most 120 lines, none over 300', () => {
    const lengths = sourceFiles().map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length }));
    const sorted = lengths.map((l) => l.lines).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(120);
    expect(lengths.filter((l) => l.lines > 300)).toEqual([]);
  });

  it('names a format id only inside src/formats/', () => {
    const leaks = sourceFiles()
      .filter((file) => !file.includes(`${path.sep}formats${path.sep}`))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return allFormats()
          .filter(
            (format) =>
              new RegExp(`['"\`]${format.id}['"\`]`).test(text) || new RegExp(`(startsWith|endsWith)\\(['"](${format.family}|-${format.kind})`).test(text),
          )
          .map((format) => `${path.relative(REPO, file)} names ${format.id}`);
      });
    expect(leaks).toEqual([]);
  });
});

function sourceFiles(dir = path.join(REPO, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}
