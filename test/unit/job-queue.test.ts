// The Postgres-table job queue: coalescing keys, SKIP LOCKED claims, retries.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { registerBatchJobHandler, registerJobHandler } from '../../src/jobs/handlers.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { enqueueJobs, queueStats } from '../../src/storage/job.repository.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
let s: Services;
beforeAll(async () => {
  t = await createTestDb();
  s = createServices(t.db);
});
afterAll(() => t.close());

describe('job queue', () => {
  it('coalesces many enqueues with one key into one pending job', async () => {
    let added = 0;
    for (let i = 0; i < 10; i++)
      added += await enqueueJobs(t.db, [{ kind: 'test', key: '2563:A', payload: { i } }]);
    added += await enqueueJobs(t.db, [
      { kind: 'test', key: '2563:B' },
      { kind: 'test', key: '2563:A' },
    ]);
    expect(added).toBe(2);
    expect((await queueStats(t.db)).pending).toBe(2);
  });

  it('a claimed job does not absorb new work: a change while it runs gets its own job', async () => {
    const claimed = await s.jobs.claim({ limit: 1, leaseSeconds: 60, kinds: ['test'] });
    expect(claimed).toHaveLength(1);
    expect(await enqueueJobs(t.db, [{ kind: 'test', key: claimed[0]!.key }])).toBe(1);
    await s.jobs.complete(claimed[0]!.id);
    await sql`delete from jobs`.execute(t.db);
  });

  it('concurrent claims never take the same job (FOR UPDATE SKIP LOCKED)', async () => {
    await enqueueJobs(
      t.db,
      Array.from({ length: 30 }, (_, i) => ({ kind: 'test', key: `k${i}` })),
    );
    const rounds = await Promise.all(
      Array.from({ length: 4 }, () =>
        s.jobs.claim({ limit: 10, leaseSeconds: 60, kinds: ['test'] }),
      ),
    );
    const ids = rounds.flat().map((j) => j.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(await s.jobs.claim({ limit: 10, leaseSeconds: 60 })).toEqual([]);
  });

  it('a failed job is retried later, and marked failed after its last attempt', async () => {
    await sql`delete from jobs`.execute(t.db);
    await enqueueJobs(t.db, [{ kind: 'test', key: 'x' }]);
    const [job] = await s.jobs.claim({ limit: 1, leaseSeconds: 60 });
    await s.jobs.fail(job!.id, 'boom', { retryInSeconds: 0, maxAttempts: 2 });
    const [again] = await s.jobs.claim({ limit: 1, leaseSeconds: 60 });
    expect(again).toMatchObject({ id: job!.id, attempts: 2 });
    await s.jobs.fail(again!.id, 'boom again', { retryInSeconds: 0, maxAttempts: 2 });
    expect(await s.jobs.claim({ limit: 1, leaseSeconds: 60 })).toEqual([]);
    expect((await queueStats(t.db)).failed).toBe(1);
  });

  it('runs claimed jobs of a batch kind together, and one by one when the batch fails', async () => {
    await sql`delete from jobs`.execute(t.db);
    const calls: number[][] = [];
    registerBatchJobHandler('test-batch', async (payloads) => {
      const ns = payloads.map((p) => (p as { n: number }).n);
      calls.push(ns);
      if (ns.includes(13)) throw new Error('13 is unlucky');
    });
    const log = pino({ level: 'silent' });
    await enqueueJobs(
      t.db,
      [1, 2, 3].map((n) => ({ kind: 'test-batch', key: `b${n}`, payload: { n } })),
    );
    expect(await runDueJobs(s, log)).toBe(3);
    // Claimed order is the database's (PostgreSQL and PGlite differ): compare sorted.
    const sorted = (ns: number[]) => [...ns].sort((a, b) => a - b);
    expect(calls.map(sorted)).toEqual([[1, 2, 3]]);
    expect((await queueStats(t.db)).pending).toBe(0);

    calls.length = 0;
    await enqueueJobs(
      t.db,
      [4, 13, 5].map((n) => ({ kind: 'test-batch', key: `b${n}`, payload: { n } })),
    );
    await runDueJobs(s, log);
    expect(sorted(calls[0]!)).toEqual([4, 5, 13]);
    expect(
      calls
        .slice(1)
        .map(sorted)
        .sort((a, b) => a[0]! - b[0]!),
    ).toEqual([[4], [5], [13]]);
    const left = await sql<{ key: string; last_error: string | null }>`
      select key, last_error from jobs where kind = 'test-batch'`.execute(t.db);
    expect(left.rows).toEqual([{ key: 'b13', last_error: '13 is unlucky' }]);
  });

  it("a dead worker's jobs are claimable again within seconds, not minutes", async () => {
    await sql`delete from jobs`.execute(t.db);
    await enqueueJobs(t.db, [{ kind: 'test', key: 'orphan' }]);
    // A worker claims with a short lease and then dies: nothing renews it.
    const [job] = await s.jobs.claim({ limit: 1, leaseSeconds: 1, kinds: ['test'] });
    expect(job).toBeDefined();
    expect(await s.jobs.claim({ limit: 1, leaseSeconds: 1, kinds: ['test'] })).toEqual([]);
    await new Promise((r) => setTimeout(r, 1300));
    const [again] = await s.jobs.claim({ limit: 1, leaseSeconds: 1, kinds: ['test'] });
    expect(again).toMatchObject({ id: job!.id, attempts: 2 });
    await sql`delete from jobs`.execute(t.db);
  });

  it('a live worker renews the lease of a job that runs longer than it (heartbeat)', async () => {
    await sql`delete from jobs`.execute(t.db);
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    registerJobHandler('test-slow', () => finished);
    await enqueueJobs(t.db, [{ kind: 'test-slow', key: 'slow' }]);
    const log = pino({ level: 'silent' });
    const run = runDueJobs(s, log, { leaseSeconds: 1 });
    // Three lease lengths later another worker still cannot take it.
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      expect(await s.jobs.claim({ limit: 1, leaseSeconds: 1, kinds: ['test-slow'] })).toEqual([]);
    }
    finish();
    expect(await run).toBe(1);
    expect(await queueStats(t.db)).toEqual({ pending: 0, running: 0, failed: 0 });
  });
});
