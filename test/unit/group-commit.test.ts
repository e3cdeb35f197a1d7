// Group commit: callers get their own results, writes overlap only as far as allowed, batches
// stay bounded, and a bad item fails alone when failures are isolated.
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/services/group-commit.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('group commit', () => {
  it('batches callers that arrive while a write is in flight and answers each its own result', async () => {
    const batches: number[][] = [];
    let inFlight = 0;
    const double = createGroupCommit<number, number>(async (items) => {
      inFlight++;
      expect(inFlight).toBe(1);
      batches.push(items);
      await tick();
      inFlight--;
      return items.map((i) => i * 2);
    });
    const out = await Promise.all([...Array(20).keys()].map((i) => double(i)));
    expect(out).toEqual([...Array(20).keys()].map((i) => i * 2));
    // Callers in the same turn of the event loop share a write.
    expect(batches).toEqual([[...Array(20).keys()]]);
    // Those who arrive while a write is in flight share the next one.
    batches.length = 0;
    const first = double(100);
    await tick();
    await Promise.all([first, ...[1, 2, 3].map((i) => double(i))]);
    expect(batches).toEqual([[100], [1, 2, 3]]);
  });

  it('keeps batches within maxBatch', async () => {
    const sizes: number[] = [];
    const echo = createGroupCommit<number, number>(
      async (items) => {
        sizes.push(items.length);
        await tick();
        return items;
      },
      { maxBatch: 5 },
    );
    await Promise.all([...Array(13).keys()].map((i) => echo(i)));
    expect(sizes).toEqual([5, 5, 3]);
  });

  it('fails only the bad item when failures are isolated, and the whole batch otherwise', async () => {
    const write = async (items: number[]) => {
      await tick();
      if (items.includes(3)) throw new Error('item 3 is bad');
      return items;
    };
    const settle = (f: (i: number) => Promise<number>) =>
      Promise.allSettled([...Array(6).keys()].map((i) => f(i))).then((r) => r.map((x) => x.status));
    expect(await settle(createGroupCommit(write, { isolateFailures: true }))).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await settle(createGroupCommit(write))).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
  });

  it('with maxInFlight, overlaps at most that many writes and still answers each caller', async () => {
    let inFlight = 0;
    let most = 0;
    const sizes: number[] = [];
    const echo = createGroupCommit<number, number>(
      async (items) => {
        inFlight++;
        most = Math.max(most, inFlight);
        sizes.push(items.length);
        for (let i = 0; i < 5; i++) await tick();
        inFlight--;
        return items.map((i) => i + 1);
      },
      { maxInFlight: 2 },
    );
    const out: Promise<number>[] = [];
    for (let i = 0; i < 30; i++) {
      out.push(echo(i));
      if (i % 3 === 0) await tick();
    }
    expect(await Promise.all(out)).toEqual([...Array(30).keys()].map((i) => i + 1));
    expect(most).toBe(2);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(30);
  });
});
