// Rate-limit counters in batches: adds n hits per bucket in one upsert, so a hot bucket (one
// office network) is written once per batch instead of once per submission.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface CounterAdd {
  bucket: string;
  windowStart: number;
  expiresAt: Date;
  n: number;
}

/** Adds `n` hits to each (bucket, window) in one statement; returns the totals after adding. */
export async function addCounterHits(db: Db, adds: CounterAdd[]): Promise<Map<string, number>> {
  if (adds.length === 0) return new Map();
  // Sorted so concurrent batches from several processes lock rows in one order (no deadlock).
  const rows = [...adds].sort((a, b) =>
    a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : a.windowStart - b.windowStart,
  );
  const { rows: out } = await sql<{ bucket: string; window_start: number; hits: number }>`
    insert into survey_counters (bucket, window_start, hits, expires_at)
    select b, w, n, e from unnest(${rows.map((r) => r.bucket)}::text[],
      ${rows.map((r) => r.windowStart)}::bigint[], ${rows.map((r) => r.n)}::int[],
      ${rows.map((r) => r.expiresAt.toISOString())}::timestamptz[]) as x(b, w, n, e)
    on conflict (bucket, window_start) do update set hits = survey_counters.hits + excluded.hits
    returning bucket, window_start, hits`.execute(db);
  return new Map(out.map((r) => [`${r.bucket}@${Number(r.window_start)}`, Number(r.hits)]));
}
