// The job queue's SQL: coalescing enqueue, SKIP LOCKED claims, completion and retries.
// Times come from the database clock (now()) so several app processes agree.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface ClaimedJob {
  id: string;
  kind: string;
  key: string | null;
  payload: unknown;
  attempts: number;
}

export interface NewJob {
  kind: string;
  key?: string | null;
  payload?: unknown;
  /** Seconds from now before it may run. */
  delaySeconds?: number;
}

/**
 * Enqueues jobs. With a key, at most one pending job exists per (kind, key): enqueuing again
 * while one waits is a no-op. A job already claimed does not absorb new work, so a change made
 * while it runs gets its own pending job. Returns how many were actually added.
 */
export async function enqueueJobs(db: Db, jobs: NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const { rows } = await sql<{ id: string }>`
    insert into jobs (kind, key, payload, run_after)
    select j.kind, j.key, j.payload::jsonb, now() + make_interval(secs => j.delay)
    from unnest(${jobs.map((j) => j.kind)}::text[], ${jobs.map((j) => j.key ?? null)}::text[],
      ${jobs.map((j) => JSON.stringify(j.payload ?? {}))}::text[],
      ${jobs.map((j) => j.delaySeconds ?? 0)}::float8[]) as j(kind, key, payload, delay)
    on conflict (kind, key) where key is not null and locked_until is null and failed_at is null
    do nothing returning id`.execute(db);
  return rows.length;
}

/**
 * Claims up to `limit` due jobs for `leaseSeconds`. FOR UPDATE SKIP LOCKED lets several workers
 * (processes) claim concurrently without taking the same job; an expired lease is reclaimable.
 */
export async function claimJobs(
  db: Db,
  opts: { limit: number; leaseSeconds: number; kinds?: string[] },
): Promise<ClaimedJob[]> {
  const { rows } = await sql<ClaimedJob>`
    update jobs set locked_until = now() + make_interval(secs => ${opts.leaseSeconds}::float8),
      attempts = attempts + 1
    where id in (
      select id from jobs
      where failed_at is null and run_after <= now()
        and (locked_until is null or locked_until < now())
        ${opts.kinds ? sql`and kind = any(${opts.kinds}::text[])` : sql``}
      order by run_after, id
      limit ${opts.limit}
      for update skip locked)
    returning id::text as id, kind, key, payload, attempts`.execute(db);
  return rows;
}

/**
 * The heartbeat: a worker still running these jobs pushes their lease forward. Leases are short
 * (seconds), so the jobs of a worker that died are claimable again soon after. A job that was
 * meanwhile reclaimed by another worker is extended too; the work is idempotent.
 */
export async function extendLeases(db: Db, ids: string[], leaseSeconds: number): Promise<void> {
  if (ids.length === 0) return;
  await sql`update jobs set locked_until = now() + make_interval(secs => ${leaseSeconds}::float8)
    where id = any(${ids}::bigint[]) and locked_until is not null and failed_at is null`.execute(
    db,
  );
}

export async function completeJobs(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`delete from jobs where id = any(${ids}::bigint[])`.execute(db);
}

/**
 * Records a failure: retried after `retryInSeconds`, or marked failed for good after
 * `maxAttempts`. If a pending job with the same key arrived meanwhile, that one will do the
 * work, so this one is dropped (the coalescing index allows only one pending).
 */
export async function failJob(
  db: Db,
  id: string,
  error: string,
  opts: { retryInSeconds: number; maxAttempts: number },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: string }>`
      delete from jobs j where j.id = ${id}::bigint and j.key is not null and exists (
        select 1 from jobs p where p.kind = j.kind and p.key = j.key and p.id <> j.id
          and p.locked_until is null and p.failed_at is null)
      returning id`.execute(tx);
    if (rows.length) return;
    await sql`update jobs set last_error = ${error.slice(0, 2000)},
        locked_until = case when attempts >= ${opts.maxAttempts} then locked_until else null end,
        failed_at = case when attempts >= ${opts.maxAttempts} then now() else null end,
        run_after = now() + make_interval(secs => ${opts.retryInSeconds}::float8)
      where id = ${id}::bigint`.execute(tx);
  });
}

export interface QueueStats {
  pending: number;
  running: number;
  failed: number;
}

export async function queueStats(db: Db): Promise<QueueStats> {
  const { rows } = await sql<QueueStats>`
    select (count(*) filter (where failed_at is null and (locked_until is null or locked_until < now())))::int as pending,
      (count(*) filter (where failed_at is null and locked_until >= now()))::int as running,
      (count(*) filter (where failed_at is not null))::int as failed
    from jobs`.execute(db);
  return rows[0] ?? { pending: 0, running: 0, failed: 0 };
}

/**
 * Seconds the oldest due job has waited to be claimed (0 when none waits): a queue that grows
 * old means too few workers, or none.
 */
export async function oldestDueJobAgeSeconds(db: Db): Promise<number> {
  const { rows } = await sql<{ age: number | null }>`
    select extract(epoch from now() - min(run_after))::float8 as age from jobs
    where failed_at is null and run_after <= now()
      and (locked_until is null or locked_until < now())`.execute(db);
  return Math.max(0, rows[0]?.age ?? 0);
}
