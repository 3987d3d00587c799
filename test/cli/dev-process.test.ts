import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { processesMentioning } from '../helpers/processes.js';
import { REPO, tempProject } from '../helpers/project.js';

describe('handouts dev, as a writer starts and stops it', () => {
  it('prints its address, serves the catalog, and on Ctrl-C leaves no process or temporary folder', async () => {
    const project = tempProject('cache');
    const temp = mkdtempSync(path.join(tmpdir(), 'handouts-dev-'));
    try {
      // Its own Chromium (not the run's shared one), so stopping it can be seen to stop Chromium too.
      const child = spawn(
        process.execPath,
        [path.join(REPO, 'bin/handouts.js'), 'dev', '--port', '0', '--browser', inject('browserPath'), '--today', '2026-12-01'],
        {
          cwd: project.dir,
          env: { ...process.env, TMPDIR: temp },
        },
      );
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
          const found = /Preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
          if (found) resolve(found[1]!);
        });
        child.once('close', () => reject(new Error(`dev stopped early:\n${stderr}`)));
      });
      const catalog = await fetch(url);
      expect(catalog.status).toBe(200);
      expect(await catalog.text()).toContain('/__handouts/client.js');
      expect(readdirSync(temp).some((name) => name.startsWith('handouts-profile-'))).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(readdirSync(temp).filter((name) => name.startsWith('handouts-profile-'))).toEqual([]);
      expect(processesMentioning(temp)).toEqual([]);
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      project.cleanup();
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
