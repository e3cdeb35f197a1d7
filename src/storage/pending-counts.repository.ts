// Counts kept by increments (ADR 0023). Stored counts always equal the counts of the responses
// not pending: a new response and its `pending_counts` row commit together, and the recompute
// deletes pending rows and adds exactly those answers in one statement. Whoever writes counts
// holds the year's count lock, so an increment and a recount never interleave.
import { sql } from 'kysely';
import type { Db } from './database.ts';

/** One advisory lock per year for every writer of answer and respondent counts. */
const LOCK_CLASS = sql`hashtext('itas:counts')`;

/**
 * The year's count lock, to the end of the transaction. `shared`: recounts of disjoint agencies
 * (the compute's batches, an import) may run together; the recompute's increments take it alone.
 * `timeoutMs`: give up (the statement fails) rather than wait longer, so the worker can put its
 * marks back and go on with other jobs while a national recount holds the year.
 */
export async function lockYearCounts(
  tx: Db,
  fiscalYear: number,
  opts: { shared?: boolean; timeoutMs?: number } = {},
): Promise<void> {
  const lock = opts.shared
    ? sql`select pg_advisory_xact_lock_shared(${LOCK_CLASS}, ${fiscalYear}::int)`
    : sql`select pg_advisory_xact_lock(${LOCK_CLASS}, ${fiscalYear}::int)`;
  if (opts.timeoutMs === undefined) {
    await lock.execute(tx);
    return;
  }
  const { rows } = await sql<{ prev: string }>`
    select current_setting('lock_timeout') as prev,
      set_config('lock_timeout', ${`${Math.max(1, Math.round(opts.timeoutMs))}ms`}, true)`.execute(
    tx,
  );
  await lock.execute(tx);
  await sql`select set_config('lock_timeout', ${rows[0]!.prev}, true)`.execute(tx);
}

/**
 * Adds the answers of these agencies' pending responses (every agency of the year when `codes`
 * is null) to the stored counts and deletes their pending rows, in one statement: one snapshot,
 * so exactly the responses whose rows it deletes are added, and a response committed meanwhile
 * stays pending for the next call. Its cost follows the pending answers, not the agency's size.
 * The caller holds the year's count lock alone. Returns how many responses were added.
 */
export async function applyPendingCounts(
  tx: Db,
  fiscalYear: number,
  codes: readonly string[] | null,
): Promise<number> {
  if (codes && codes.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`
    with gone as (
      delete from pending_counts
      where fiscal_year = ${fiscalYear}
        ${codes ? sql`and agency_code = any(${[...codes]}::text[])` : sql``}
      returning response_id),
    got as (
      select r.fiscal_year, r.agency_code, r.tool, r.answers
      from responses r join gone g on g.response_id = r.response_id
      where r.fiscal_year = ${fiscalYear}),
    answers as (
      insert into answer_counts (fiscal_year, agency_code, tool, item, c1, c2, c3, c4)
      select g.fiscal_year, g.agency_code, g.tool, u.ord::smallint,
        (count(*) filter (where u.a = 1))::int, (count(*) filter (where u.a = 2))::int,
        (count(*) filter (where u.a = 3))::int, (count(*) filter (where u.a = 4))::int
      from got g, unnest(g.answers) with ordinality as u(a, ord)
      where u.a is not null
      group by g.fiscal_year, g.agency_code, g.tool, u.ord
      on conflict (fiscal_year, agency_code, tool, item) do update
        set c1 = answer_counts.c1 + excluded.c1, c2 = answer_counts.c2 + excluded.c2,
          c3 = answer_counts.c3 + excluded.c3, c4 = answer_counts.c4 + excluded.c4),
    respondents as (
      insert into respondent_counts (fiscal_year, agency_code, tool, n)
      select fiscal_year, agency_code, tool, count(*)::int from got
      group by fiscal_year, agency_code, tool
      on conflict (fiscal_year, agency_code, tool) do update
        set n = respondent_counts.n + excluded.n)
    select count(*)::int as n from got`.execute(tx);
  return rows[0]?.n ?? 0;
}

/** How many responses of the year wait to be counted (for /metrics and tests). */
export async function countPending(db: Db, fiscalYear: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pending_counts where fiscal_year = ${fiscalYear}`.execute(db);
  return rows[0]?.n ?? 0;
}
