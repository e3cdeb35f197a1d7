// The survey lookup cache: shared loads, expiry, clearing, and a reload that finds the same
// content keeping the object it had (the survey pages' templates are built once per object).
import { describe, expect, it } from 'vitest';
import { createSurveyCache } from '../../src/services/survey-cache.ts';

describe('survey lookup cache', () => {
  it('shares one load among callers and keeps it for the TTL', async () => {
    const cache = createSurveyCache<{ n: number }>(1000);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const [a, b] = await Promise.all([cache.load('k', 0, load), cache.load('k', 0, load)]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(await cache.load('k', 999, load)).toBe(a);
    expect(loads).toBe(1);
  });

  it('after the TTL loads again, and keeps the old object when nothing changed', async () => {
    const cache = createSurveyCache<{ name: string }>(1000);
    let name = 'ก';
    const load = async () => ({ name });
    const first = await cache.load('k', 0, load);
    const same = await cache.load('k', 1500, load);
    expect(same).toBe(first);
    name = 'ข';
    const changed = await cache.load('k', 3000, load);
    expect(changed).not.toBe(first);
    expect(changed.name).toBe('ข');
  });

  it('forgets everything on clear, and a load under way then is not kept', async () => {
    const cache = createSurveyCache<{ v: string }>(1000);
    let v = 'old';
    let release!: () => void;
    const slow = () =>
      new Promise<{ v: string }>((r) => {
        const value = { v };
        release = () => r(value);
      });
    const pending = cache.load('k', 0, slow);
    cache.clear();
    v = 'new';
    release();
    expect((await pending).v).toBe('old');
    expect((await cache.load('k', 1, async () => ({ v }))).v).toBe('new');
  });

  it('a failed load is not cached and the next caller tries again', async () => {
    const cache = createSurveyCache<number>(1000);
    await expect(cache.load('k', 0, () => Promise.reject(new Error('db away')))).rejects.toThrow(
      'db away',
    );
    expect(await cache.load('k', 1, async () => 7)).toBe(7);
  });
});
