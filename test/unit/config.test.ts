import { allFormats } from '../../src/formats/registry.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { readEnvironment } from '../../src/config/environment.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { UsageError } from '../../src/core/errors.js';

const cwd = '/work/project';

describe('config precedence: flag, then config file, then environment, then default', () => {
  it('uses defaults when nothing is set', () => {
    const config = resolveConfig({ flags: {}, cwd });
    expect(config).toMatchObject({ content: `${cwd}/content`, out: `${cwd}/output`, paper: 'A4', lang: 'en' });
    expect(config.formats).toEqual(allFormats().map((format) => format.id));
    expect(config.formats).toEqual(expect.arrayContaining(['handout-pdf', 'handout-html', 'large-print-pdf', 'brochure-pdf', 'slides-pdf', 'slides-html']));
    expect(config.browser).toBeUndefined();
  });

  it('lets the environment override defaults', () => {
    const config = resolveConfig({ flags: {}, environment: readEnvironment({ HANDOUTS_PAPER: 'Letter', CHROME_PATH: '/opt/chrome' }), cwd });
    expect(config.paper).toBe('Letter');
    expect(config.browser).toBe('/opt/chrome');
  });

  it('lets the config file override the environment, with paths from its folder', () => {
    const config = resolveConfig({
      flags: {},
      file: { path: '/work/project/conf/handouts.config.yaml', config: { paper: 'A4', out: '../dist', browser: 'bin/chrome' } },
      environment: readEnvironment({ HANDOUTS_PAPER: 'Letter', HANDOUTS_OUT: 'env-out', CHROME_PATH: '/opt/chrome' }),
      cwd,
    });
    expect(config.paper).toBe('A4');
    expect(config.out).toBe('/work/project/dist');
    expect(config.browser).toBe('/work/project/conf/bin/chrome');
  });

  it('lets flags override everything, with paths from the working folder', () => {
    const config = resolveConfig({
      flags: { out: 'flag-out', formats: ['slides'] },
      file: { path: '/elsewhere/handouts.config.yaml', config: { out: 'file-out', formats: ['handout'] } },
      environment: readEnvironment({ HANDOUTS_OUT: 'env-out' }),
      cwd,
    });
    expect(config.out).toBe(`${cwd}/flag-out`);
    expect(config.formats).toEqual(
      allFormats()
        .filter((format) => format.family === 'slides')
        .map((format) => format.id),
    );
    expect(config.formats).toContain('slides-pdf');
  });

  it('rejects an unknown format and a bad environment value as usage errors', () => {
    expect(() => resolveConfig({ flags: { formats: ['poster'] }, cwd })).toThrow(UsageError);
    expect(() => readEnvironment({ HANDOUTS_PAPER: 'A5' })).toThrow(/HANDOUTS_PAPER/);
  });
});

describe('the config file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    dir = mkdtempSync(path.join(tmpdir(), 'handouts-config-'));
    writeFileSync(path.join(dir, 'handouts.config.yaml'), text);
    return dir;
  };

  it('is read from the working folder', async () => {
    const config = await loadConfig({ flags: {}, cwd: write('paper: Letter\nformats: [handout]\n'), env: {} });
    expect(config.paper).toBe('Letter');
    expect(config.formats).toEqual(['handout-pdf', 'handout-html', 'handout-png']);
  });

  it('names an unknown key with its line and a suggestion', async () => {
    const at = write('paper: A4\npaer: Letter\n');
    await expect(loadConfig({ flags: {}, cwd: at, env: {} })).rejects.toThrow('handouts.config.yaml:2:1 error Unknown field `paer`; did you mean `paper`?');
  });

  it('names a bad value with its line and column', async () => {
    const at = write('paper: A5\n');
    await expect(loadConfig({ flags: {}, cwd: at, env: {} })).rejects.toThrow(/handouts\.config\.yaml:1:8 error `paper`/);
  });

  it('fails clearly when an explicit config file is missing', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'handouts-config-'));
    await expect(loadConfig({ flags: {}, configPath: 'nope.yaml', cwd: dir, env: {} })).rejects.toThrow('Config file `nope.yaml` does not exist');
  });
});
