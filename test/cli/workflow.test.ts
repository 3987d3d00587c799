// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions (${{ ... }}) in workflow text
import { parseCommand } from '../helpers/workflow-commands.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatDiagnostic } from '../../src/report/diagnostics.js';
import type { Diagnostic } from '../../src/report/types.js';
import { REPO, tempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

const run = promisify(execFile);
const WORKFLOW = path.join(REPO, '.github/workflows/handouts.yml');
const VALIDATOR = path.join(REPO, 'node_modules/.bin/action-validator');

/** Runs action-validator (the workflow JSON schema, from SchemaStore) on one file: its exit code and what it said. */
async function validate(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(VALIDATOR, [file]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the CI workflow (.github/workflows/handouts.yml)', () => {
  let scratch = '';
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = '';
  });

  it('is a valid GitHub Actions workflow', async () => {
    const result = await validate(WORKFLOW);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails validation when a job carries an unknown key, so the check above can fail', async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'handouts-workflow-'));
    const broken = path.join(scratch, 'broken.yml');
    const text = readFileSync(WORKFLOW, 'utf8');
    const faulty = text.replace(/^ {2}build:\n/m, '  build:\n    run-on-sunday: true\n');
    expect(faulty).not.toBe(text);
    writeFileSync(broken, faulty);
    const result = await validate(broken);
    expect(result.code).toBe(1);
    expect(result.output).toContain('/jobs/build');
    expect(result.output).toContain("Additional property 'run-on-sunday' is not allowed");
  });

  it('does what the README says: check and review on pull requests, 4 shards on main, merged and published to Pages', () => {
    const workflow = parseYaml(readFileSync(WORKFLOW, 'utf8'));
    const runs = (job: string): string[] => workflow.jobs[job].steps.flatMap((step: { run?: string }) => (step.run ? [step.run] : []));
    const uses = (job: string): string[] => workflow.jobs[job].steps.flatMap((step: { uses?: string }) => (step.uses ? [step.uses] : []));
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.on.push.branches).toEqual(['main']);

    expect(workflow.jobs.check.if).toBe("github.event_name == 'pull_request'");
    expect(runs('check')).toEqual(['npm ci', 'npx handouts check --reporter github']);

    const review = workflow.jobs.review;
    expect(review.if).toBe("github.event_name == 'pull_request'");
    expect(runs('review')).toEqual([
      'npm ci',
      'git fetch --depth 1 origin ${{ github.event.pull_request.base.sha }} && git worktree add base ${{ github.event.pull_request.base.sha }}',
      'node ../bin/handouts.js build --out ../output-base --quiet',
      'npx handouts build --quiet',
      'set +e\nnpx handouts diff output-base output --report diff-report --markdown "$GITHUB_STEP_SUMMARY"\ncode=$?\n[ "$code" -le 1 ]\n',
    ]);
    expect(review.steps.find((step: { run?: string }) => step.run?.startsWith('node ../bin'))['working-directory']).toBe('base');
    expect(uses('review')).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/cache@v4', 'actions/cache@v4', 'actions/upload-artifact@v4']);
    // Each side restores its own outputs, so each builds only what its cache lacks.
    expect(
      review.steps.filter((step: { uses?: string }) => step.uses === 'actions/cache@v4').map((step: { with: { path: string } }) => step.with.path),
    ).toEqual(['output-base', 'output']);
    expect(review.steps.find((step: { uses?: string }) => step.uses === 'actions/upload-artifact@v4').with.path).toBe('diff-report');

    const build = workflow.jobs.build;
    expect(build.if).toBe("github.event_name == 'push'");
    expect(build.strategy.matrix.shard).toEqual([1, 2, 3, 4]);
    expect(runs('build')).toContain('npx handouts build --shard ${{ matrix.shard }}/4 --out output-${{ matrix.shard }} --reporter github');
    expect(runs('build').some((line) => line.includes('SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)'))).toBe(true);
    const cache = build.steps.find((step: { uses?: string }) => step.uses === 'actions/cache@v4');
    expect(cache.with.path).toBe('output-${{ matrix.shard }}');
    expect(cache.with.key).toBe("handouts-shard-${{ matrix.shard }}-${{ hashFiles('content/**', 'templates/**', 'package-lock.json') }}");
    expect(cache.with['restore-keys'].trim()).toBe('handouts-shard-${{ matrix.shard }}-');
    expect(uses('build')).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/cache@v4', 'actions/upload-artifact@v4']);

    const publish = workflow.jobs.publish;
    expect(publish.needs).toBe('build');
    expect(publish.environment.name).toBe('github-pages');
    expect(publish.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(runs('publish')).toContain('npx handouts merge output-1 output-2 output-3 output-4');
    expect(uses('publish')).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'actions/download-artifact@v4',
      'actions/upload-pages-artifact@v3',
      'actions/deploy-pages@v4',
    ]);

    for (const job of Object.values(workflow.jobs) as { steps: { uses?: string; with?: Record<string, unknown> }[] }[]) {
      expect(job.steps.find((step) => step.uses === 'actions/setup-node@v4')?.with).toEqual({ 'node-version': 20, cache: 'npm' });
    }
  });
});

describe('check --reporter github', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('prints each diagnostic as a workflow command on stderr, located as in the --json report, and no human line', async () => {
    const project = tempProject('rules/front-matter');
    cleanup = project.cleanup;
    const result = await runCli(project.dir, ['check', '--reporter', 'github', '--json', '--today', '2026-12-01']);
    expect(result.code).toBe(1);
    // stdout is the JSON report alone: no command leaks into it.
    const diagnostics: Diagnostic[] = result.json().documents.flatMap((doc: { diagnostics: Diagnostic[] }) => doc.diagnostics);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(result.stdout).not.toMatch(/^::/m);

    const lines = result.stderr.split('\n');
    const commands = lines
      .filter((line) => line.startsWith('::'))
      .map((line) => {
        const command = parseCommand(line);
        if (!command) throw new Error(`not a workflow command: ${line}`);
        return command;
      });
    expect(commands).toHaveLength(diagnostics.length);
    commands.forEach((command, i) => {
      const d = diagnostics[i]!;
      expect(command).toEqual({
        severity: d.severity,
        properties: { file: d.file, line: String(d.line), col: String(d.column), title: d.rule },
        message: d.message,
      });
    });
    for (const d of diagnostics) expect(lines).not.toContain(formatDiagnostic(d));
    expect(lines.filter((line) => /^\S+:\d+:\d+ (error|warning) /.test(line))).toEqual([]);
    expect(result.stderr).toContain('✗ content/doc.md: failed');
  });

  it('takes only human or github; human is the default', async () => {
    const project = tempProject('rules/front-matter');
    cleanup = project.cleanup;
    const wrong = await runCli(project.dir, ['check', '--reporter', 'gitlab']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('human, github');
    const plain = await runCli(project.dir, ['check', '--today', '2026-12-01']);
    expect(plain.stderr).toMatch(/^content\/doc\.md:4:1 error .* {2}front-matter$/m);
    expect(plain.stderr).not.toMatch(/^::/m);
    expect((await runCli(project.dir, ['build', '--help'])).stdout).toContain('--reporter <name>');
  });
});
