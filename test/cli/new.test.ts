import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Diagnostic } from '../../src/report/types.js';
import { runCli } from '../helpers/run-cli.js';
import { REPO } from '../helpers/project.js';

/** Two of the repository's shared partials: one that is a section of its own (the questions), one that is not. */
const PARTIALS = ['stem-cells.md', 'questions.md'];
const TODAY = ['--today', '2026-12-01'];

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A project folder with `content/_partials/` holding the two partials, and the repository's templates. */
function project(content = 'content'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'handouts-new-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, content, '_partials'), { recursive: true });
  for (const name of PARTIALS) cpSync(path.join(REPO, 'content/_partials', name), path.join(dir, content, '_partials', name));
  cpSync(path.join(REPO, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(match, 'the file starts with front matter').not.toBeNull();
  return parse(match![1]!) as Record<string, unknown>;
}

const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

describe('handouts new', () => {
  it('writes a draft with valid front matter and the shared partials, which check reports only as placeholders', async () => {
    const dir = project();
    const created = await runCli(dir, ['new', 'knee-pain', ...TODAY]);
    expect(created.code).toBe(0);
    const file = path.join(dir, 'content/knee-pain.md');
    expect(existsSync(file)).toBe(true);
    expect(created.stderr).toContain('content/knee-pain.md');
    expect(created.stderr).toContain('handouts check content/knee-pain.md');

    const text = readFileSync(file, 'utf8');
    const meta = frontMatter(text);
    expect(meta).toMatchObject({ reviewed: '2026-12-01', review_due: '2027-12-01', status: 'draft', lang: 'en' });
    expect(meta.title).toMatch(/^TODO: .*knee-pain/);
    expect(meta.condition).toMatch(/^TODO: /);
    expect(meta.sources).toEqual([{ title: expect.stringMatching(/^TODO/), url: expect.stringMatching(/^https:\/\/example\.org\//) }]);
    for (const name of PARTIALS) expect(text).toContain(`::include{src="_partials/${name}"}`);
    expect(text).toMatch(/^## What is TODO: .*\?$/m);
    expect(text).toContain('## What treatments are there?');
    expect(text).toMatch(/^:::notes$/m);
    // The questions partial is that section: it is included in its place, not said twice.
    expect(text).not.toContain('## Questions to ask your care team');
    expect(text.indexOf('_partials/questions.md')).toBeGreaterThan(text.indexOf('## What treatments are there?'));

    const checked = await runCli(dir, ['check', '--json', ...TODAY, 'content/knee-pain.md']);
    expect(checked.code).toBe(0);
    const [doc] = checked.json().documents;
    expect(doc.source).toBe('content/knee-pain.md');
    expect(doc.diagnostics.length).toBeGreaterThan(0);
    expect(doc.diagnostics.filter((d: Diagnostic) => d.rule !== 'placeholder')).toEqual([]);
    expect(doc.diagnostics.every((d: Diagnostic) => d.severity === 'warning')).toBe(true);
    expect(doc.diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'placeholder', line: lineOf(text, 'title:'), column: 1, message: expect.stringContaining('`title`') }),
    );
    expect(lineOf(text, 'title:')).toBe(2);
    expect(doc.diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'placeholder', line: lineOf(text, '## What is'), message: expect.stringContaining('in the text') }),
    );

    const strict = await runCli(dir, ['check', '--json', '--strict', ...TODAY, 'content/knee-pain.md']);
    expect(strict.code).toBe(1);
    expect(strict.json().documents[0].status).toBe('failed');
  });

  it('leaves nothing but placeholders: filled in, the draft passes check --strict', async () => {
    const dir = project();
    expect((await runCli(dir, ['new', 'knee-pain', ...TODAY])).code).toBe(0);
    const file = path.join(dir, 'content/knee-pain.md');
    // What an author does, crudely: every placeholder replaced by words.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/TODO:? ?/g, ''));
    const checked = await runCli(dir, ['check', '--json', '--strict', ...TODAY, 'content/knee-pain.md']);
    expect(checked.json().documents[0].diagnostics).toEqual([]);
    expect(checked.code).toBe(0);
  });

  it('never overwrites: a second new exits 2, says so and leaves the file as it was', async () => {
    const dir = project();
    expect((await runCli(dir, ['new', 'knee-pain', ...TODAY])).code).toBe(0);
    const file = path.join(dir, 'content/knee-pain.md');
    const edited = `${readFileSync(file, 'utf8')}\nWritten by hand.\n`;
    writeFileSync(file, edited);
    const again = await runCli(dir, ['new', 'knee-pain', '--today', '2027-01-05']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*never overwrites/);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('refuses a document whose slug is already used in a subfolder (the outputs would collide)', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'content/joints'));
    writeFileSync(path.join(dir, 'content/joints/knee-pain.md'), 'kept');
    const result = await runCli(dir, ['new', 'knee-pain', ...TODAY]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content/joints/knee-pain.md');
    expect(existsSync(path.join(dir, 'content/knee-pain.md'))).toBe(false);
  });

  it.each([
    ['../x', /not a safe file name/],
    ['Knee', /not a safe file name/],
    ['_partial', /starts with `_`.*partial/],
    ['knee pain', /not a safe file name/],
    ['knee--pain', /not a safe file name/],
    ['knee-pain.md', /not a safe file name/],
  ])('refuses the slug %j, saying what is allowed, and writes nothing', async (slug, why) => {
    const dir = project();
    const before = readdirSync(dir, { recursive: true }).sort();
    const result = await runCli(dir, ['new', slug, ...TODAY]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(why);
    expect(result.stderr).toContain('lowercase letters a-z, digits 0-9 and hyphens');
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    expect(existsSync(path.join(dir, 'x.md'))).toBe(false);
  });

  it('makes review_due one year on, 29 February becoming 28 February', async () => {
    const dir = project();
    expect((await runCli(dir, ['new', 'leap', '--today', '2028-02-29'])).code).toBe(0);
    expect(frontMatter(readFileSync(path.join(dir, 'content/leap.md'), 'utf8'))).toMatchObject({ reviewed: '2028-02-29', review_due: '2029-02-28' });
  });

  it('takes today from SOURCE_DATE_EPOCH and rejects a --today that is not a date', async () => {
    const dir = project();
    const epoch = String(Date.UTC(2027, 4, 17, 12) / 1000);
    expect((await runCli(dir, ['new', 'epoch'], { SOURCE_DATE_EPOCH: epoch })).code).toBe(0);
    expect(frontMatter(readFileSync(path.join(dir, 'content/epoch.md'), 'utf8'))).toMatchObject({ reviewed: '2027-05-17', review_due: '2028-05-17' });
    const bad = await runCli(dir, ['new', 'bad-date', '--today', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(existsSync(path.join(dir, 'content/bad-date.md'))).toBe(false);
  });

  it("writes into the content folder that --content or the config file names, with that folder's partials", async () => {
    const dir = project('pages');
    expect((await runCli(dir, ['new', 'knee-pain', '--content', 'pages', '--quiet', ...TODAY])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'pages/knee-pain.md'), 'utf8')).toContain('::include{src="_partials/stem-cells.md"}');
    expect(existsSync(path.join(dir, 'content'))).toBe(false);

    writeFileSync(path.join(dir, 'site.yaml'), 'content: pages\n');
    const configured = await runCli(dir, ['new', 'hip-pain', '--config', 'site.yaml', ...TODAY]);
    expect(configured.code).toBe(0);
    expect(configured.stderr).toContain('handouts check pages/hip-pain.md');
    expect(existsSync(path.join(dir, 'pages/hip-pain.md'))).toBe(true);
  });
});
