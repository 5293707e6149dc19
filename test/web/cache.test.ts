import { describe, expect, it } from 'vitest';
import { ViewCache } from '../../src/web/cache.js';

describe('ViewCache', () => {
  it('reuses a value until it expires, then serves it once more while one rebuild runs', async () => {
    let t = 0;
    let builds = 0;
    const cache = new ViewCache(() => t, 1000);
    const make = () => Promise.resolve(++builds);
    expect(await cache.get('k', make)).toBe(1);
    expect(await Promise.all([cache.get('k', make), cache.get('k', make)])).toEqual([1, 1]);
    t = 1500;
    expect(await cache.get('k', make)).toBe(1); // stale, rebuilding
    expect(await cache.get('k', make)).toBe(2);
    expect(builds).toBe(2);
    cache.clear();
    expect(await cache.get('k', make)).toBe(3);
  });

  it('shares one build between concurrent misses, and forgets failures', async () => {
    let builds = 0;
    const cache = new ViewCache(() => 0, 1000);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async () => {
      builds++;
      await gate;
      return 'v';
    };
    const a = cache.get('k', slow);
    const b = cache.get('k', slow);
    release();
    expect(await Promise.all([a, b])).toEqual(['v', 'v']);
    expect(builds).toBe(1);
    await expect(cache.get('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await cache.get('bad', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('with a zero lifetime builds every time', async () => {
    let builds = 0;
    const cache = new ViewCache(() => 0, 0);
    await cache.get('k', () => Promise.resolve(++builds));
    await cache.get('k', () => Promise.resolve(++builds));
    expect(builds).toBe(2);
  });
});

describe('ViewCache and writes', () => {
  it('never puts back a value rebuilt from before a clear', async () => {
    let t = 0;
    const cache = new ViewCache(() => t, 1000);
    await cache.get('k', () => Promise.resolve('old'));
    t = 2000;
    let release!: (v: string) => void;
    const slow = new Promise<string>((r) => (release = r));
    expect(await cache.get('k', () => slow)).toBe('old'); // stale while the rebuild runs
    cache.clear(); // a write
    release('built before the write');
    await slow;
    expect(await cache.get('k', () => Promise.resolve('new'))).toBe('new');
    expect(cache.peek('k')).toBe('new');
  });
});
