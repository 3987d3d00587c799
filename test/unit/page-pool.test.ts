import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BrowserStoppedError, PagePool } from '../../src/browser/pool.js';

const pool = () => new PagePool({} as Browser);

describe('PagePool.race', () => {
  it('gives the work its result and then forgets the wait, so nothing of it is kept', async () => {
    const p = pool();
    const bytes = new Uint8Array(1024);
    const race = p.race(Promise.resolve({ bytes }));
    expect(p.waiting).toBe(1);
    await expect(race).resolves.toEqual({ bytes });
    expect(p.waiting).toBe(0);
  });

  it('passes the work’s own error through and forgets the wait', async () => {
    const p = pool();
    await expect(p.race(Promise.reject(new Error('page failed')))).rejects.toThrow('page failed');
    expect(p.waiting).toBe(0);
  });

  it('ends every wait in progress at once when the browser stops', async () => {
    const p = pool();
    const never = new Promise<never>(() => undefined);
    const waits = [p.race(never), p.race(never)];
    expect(p.waiting).toBe(2);
    p.stopped();
    for (const wait of waits) await expect(wait).rejects.toBeInstanceOf(BrowserStoppedError);
    expect(p.waiting).toBe(0);
  });

  it('refuses new work on a browser that has stopped', async () => {
    const p = pool();
    p.stopped();
    await expect(p.race(Promise.resolve(1))).rejects.toBeInstanceOf(BrowserStoppedError);
    expect(p.waiting).toBe(0);
  });
});
