import { afterAll, describe, expect, inject, it } from 'vitest';
import { allFormats, build, check, loadConfig, type BuildReport } from '../../src/index.js';
import { tempProject } from '../helpers/project.js';

/** The programmatic API, as a CI script or an editor would call it. */
describe("import { build, check, loadConfig } from 'handouts'", () => {
  const project = tempProject('two-docs');
  afterAll(() => project.cleanup());
  const config = () => loadConfig({ cwd: project.dir, flags: { browser_endpoint: inject('browserEndpoint'), today: '2026-12-01' }, env: {} });

  const documentShape = {
    source: expect.stringMatching(/^content\/.+\.md$/),
    slug: expect.any(String),
    lang: 'en',
    status: expect.stringMatching(/^(built|skipped|failed)$/),
    outputs: expect.any(Array),
    diagnostics: expect.any(Array),
  };

  it('build() returns the report of the contract: documents with outputs and located diagnostics, and a summary', async () => {
    const report: BuildReport = await build({ config: await config() });
    expect(report.summary).toEqual({ built: 1, skipped: 0, failed: 1, ms: expect.any(Number) });
    for (const doc of report.documents) expect(doc).toMatchObject(documentShape);
    const good = report.documents.find((d) => d.slug === 'good')!;
    expect(good.outputs.map((o) => o.format)).toEqual(allFormats().map((format) => format.id));
    expect(good.outputs[0]).toMatchObject({ file: 'output/en/good/handout.pdf', pages: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const bad = report.documents.find((d) => d.slug === 'bad')!;
    expect(bad.status).toBe('failed');
    expect(bad.diagnostics[0]).toMatchObject({
      file: 'content/bad.md',
      line: expect.any(Number),
      column: expect.any(Number),
      severity: 'error',
      rule: expect.any(String),
    });
  });

  it('check() returns the same report without rendering: nothing built, the same diagnostics', async () => {
    const report = await check({ config: await config() });
    expect(report.summary).toEqual({ built: 0, skipped: 1, failed: 1, ms: expect.any(Number) });
    for (const doc of report.documents) expect(doc).toMatchObject({ ...documentShape, outputs: [] });
    const good = report.documents.find((d) => d.slug === 'good')!;
    expect(good).toMatchObject({ status: 'skipped', condition: expect.any(String), title: expect.any(String) });
  });
});
