import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO } from '../helpers/project.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The package as a clinic installs it: packed, installed into an empty folder, run on a folder with only content/. */
describe('the packed package, installed into an empty folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'handouts-package-'));
  const app = path.join(dir, 'app');
  const site = path.join(dir, 'site');
  const bin = path.join(app, 'node_modules/.bin/handouts');
  const run = (...args: string[]) =>
    spawnSync(bin, args, { cwd: site, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true' }, timeout: 120_000 });
  const pdfs = () =>
    Object.fromEntries(
      readdirSync(path.join(site, 'output/en')).flatMap((slug) =>
        ['handout.pdf', 'slides.pdf'].map((file) => [`${slug}/${file}`, sha(path.join(site, 'output/en', slug, file))]),
      ),
    );
  let first: Record<string, string>;

  beforeAll(() => {
    // dist/ is already built by `pretest`; packing runs no script.
    const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: REPO, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), '{ "name": "clinic-site", "private": true }\n');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(dir, tarball)], { cwd: app, stdio: 'pipe' });
    mkdirSync(site);
    cpSync(path.join(REPO, 'content'), path.join(site, 'content'), { recursive: true });
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds a folder with only content/ using the built-in templates, reading nothing from the source tree', () => {
    const result = run('build', '--browser-endpoint', inject('browserEndpoint'), '--today', '2026-12-01');
    expect(result.stderr).toContain('built-in brand and templates');
    expect(result.status).toBe(0);
    first = pdfs();
    expect(Object.keys(first)).toHaveLength(6);
    // The installed files name no path of this repository: everything resolves inside the install.
    const installed = path.join(app, 'node_modules/handouts');
    const files = readdirSync(installed, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(50);
    for (const entry of files) expect(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')).not.toContain(REPO);
  });

  it('init writes the templates once, refuses to overwrite, and a build with them gives the same PDFs', () => {
    const init = run('init');
    expect(init.status).toBe(0);
    expect(readdirSync(path.join(site, 'templates')).sort()).toEqual([
      'brand',
      'brand.yaml',
      'brochure',
      'catalog.liquid',
      'handout',
      'i18n',
      'plain-words',
      'slides',
    ]);
    const again = run('init');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('never overwrites');

    const result = run('build', '--force', '--browser-endpoint', inject('browserEndpoint'), '--today', '2026-12-01');
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('built-in');
    expect(pdfs()).toEqual(first);
  });
});
