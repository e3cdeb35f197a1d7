// Counts kept by increments (issue 17.5, ADR 0023): a new answer is pending until the recompute
// adds it; stored counts always equal the counts of the responses not pending, so a recompute,
// a recount and `itas compute` agree whatever order they run in, and a recompute's cost follows
// the new answers, not the agency's size (bench: `npm run bench -- recompute`).
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeMarked } from '../../src/jobs/worker.ts';
import type { Services } from '../../src/services/container.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import {
  applyPendingCounts,
  countPending,
  lockYearCounts,
} from '../../src/storage/pending-counts.repository.ts';
import { insertResponses, recountAgencies } from '../../src/storage/response.repository.ts';
import type { TestDb } from '../helpers/db.ts';
import { seededResponseRows, createYearDb, storedCounts2563 } from '../helpers/results-fixtures.ts';

let t: TestDb;
let services: Services;
let codes: string[];
/** More agencies than the worker recomputes in one transaction. */
let many: string[];
const quiet = pino({ level: 'silent' });
beforeAll(async () => {
  ({ t, s: services } = await createYearDb());
  const { rows } = await sql<{ code: string }>`select code from agencies order by code`.execute(
    t.db,
  );
  codes = rows.map((r) => r.code).slice(0, 4);
  many = rows.map((r) => r.code).slice(0, 20);
});

/** Per agency and tool: respondents counted, and responses stored. */
async function respondentsOf(agencies: string[]) {
  const { rows } = await sql<{
    agency_code: string;
    tool: string;
    counted: number;
    stored: number;
  }>`
    select r.agency_code, r.tool, coalesce(max(c.n), 0)::int as counted, count(*)::int as stored
    from responses r left join respondent_counts c using (fiscal_year, agency_code, tool)
    where r.fiscal_year = 2563 and r.agency_code = any(${agencies}::text[])
    group by r.agency_code, r.tool order by 1, 2`.execute(t.db);
  return rows;
}
const marksLeft = async () =>
  (
    await sql<{ n: number }>`select count(*)::int as n from recompute_marks
      where fiscal_year = 2563`.execute(t.db)
  ).rows[0]!.n;
afterAll(() => t.close());

const counts = (db: Db = t.db) => storedCounts2563(db);

const nextRows = seededResponseRows(11);
/** The recount `itas compute` runs for agencies whose counts went stale. */
const recount = () => t.db.transaction().execute((tx) => recountAgencies(tx, 2563, codes));
const someRows = (n: number, agencies = codes) => nextRows(n, agencies);

/** The counts a full recount of every response gives (nothing pending), without changing any. */
async function fullRecount(): Promise<Awaited<ReturnType<typeof counts>>> {
  let out!: Awaited<ReturnType<typeof counts>>;
  await t.db
    .transaction()
    .execute(async (tx) => {
      await sql`delete from pending_counts`.execute(tx);
      await recountAgencies(tx, 2563, codes);
      out = await counts(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out;
}
class Rollback extends Error {}

describe('counts kept by increments', () => {
  it('a new answer is pending: a recount leaves it out, the recompute adds it once', async () => {
    await insertResponses(t.db, someRows(60), { recounted: true });
    await recount();
    const before = await counts();
    expect(before.respondents.length).toBeGreaterThan(0);

    await insertResponses(t.db, someRows(25));
    expect(await countPending(t.db, 2563)).toBe(25);
    // A recount of the same agencies does not count the pending answers twice later.
    await recount();
    expect(await counts()).toEqual(before);

    const want = await fullRecount();
    expect(want).not.toEqual(before);
    await services.results.recomputeAgencies(2563, codes);
    expect(await countPending(t.db, 2563)).toBe(0);
    expect(await counts()).toEqual(want);
    // Again: nothing left to add, nothing added twice.
    await services.results.recomputeAgencies(2563, codes);
    expect(await counts()).toEqual(want);
  });

  it('the recompute adds only the agencies it was asked for; compute adds the rest', async () => {
    const rows = someRows(30);
    await insertResponses(t.db, rows);
    const want = await fullRecount();
    await services.results.recomputeAgencies(2563, [codes[0]!]);
    const left = rows.filter((r) => r.agencyCode !== codes[0]).length;
    expect(await countPending(t.db, 2563)).toBe(left);
    await services.results.computeYear(2563);
    expect(await countPending(t.db, 2563)).toBe(0);
    expect(await counts()).toEqual(want);
  });

  it('cards follow the counts: the respondents an agency’s card shows include new answers', async () => {
    const agency = codes[1]!;
    const rows = someRows(12, [agency]);
    await insertResponses(t.db, rows);
    const [card] = await services.results.recomputeAgencies(2563, [agency]);
    const { rows: n } = await sql<{ n: number }>`
      select count(*)::int as n from responses
      where fiscal_year = 2563 and agency_code = ${agency}`.execute(t.db);
    expect(card!.respondents.IIT + card!.respondents.EIT).toBe(n[0]!.n);
  });

  it('a pending row holds the response’s own id, year and agency, nothing else', async () => {
    const { rows } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'pending_counts'
      order by column_name`.execute(t.db);
    expect(rows.map((r) => r.column_name)).toEqual(['agency_code', 'fiscal_year', 'response_id']);
  });
});

describe('the worker’s drain of marks', () => {
  it('recomputes every marked agency, a few per transaction, and leaves none pending', async () => {
    await insertResponses(t.db, someRows(120, many));
    await services.jobs.mark(many.map((agencyCode) => ({ fiscalYear: 2563, agencyCode })));
    expect(await recomputeMarked(services, quiet)).toBe(many.length);
    expect(await marksLeft()).toBe(0);
    expect(await countPending(t.db, 2563)).toBe(0);
    const seen = await respondentsOf(many);
    expect(new Set(seen.map((r) => r.agency_code)).size).toBe(many.length);
    for (const r of seen) expect(r.counted, `${r.agency_code} ${r.tool}`).toBe(r.stored);
  });
});

/**
 * Another connection holds the year's counts as a recount does, until `release()`; `recount` is
 * its transaction (resolves once released).
 */
async function holdYear(other: Db): Promise<{ release: () => void; recount: Promise<void> }> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const recount = other.transaction().execute(async (tx) => {
    await lockYearCounts(tx, 2563, { shared: true });
    locked();
    await held;
  });
  await isLocked;
  return { release, recount };
}

describe.runIf(process.env.DATABASE_URL?.startsWith('postgres'))(
  'a second process holding the year (PostgreSQL)',
  () => {
    it('the worker’s drain gives every mark back when the year is held, and adds all later', async () => {
      const other = await openDatabase({ kind: 'postgres', url: t.url! }, { poolSize: 1 });
      try {
        await insertResponses(t.db, someRows(40, many));
        await services.jobs.mark(many.map((agencyCode) => ({ fiscalYear: 2563, agencyCode })));
        const { release, recount } = await holdYear(other);
        expect(await recomputeMarked(services, quiet)).toBe(many.length);
        // The first slice gave up: its marks and those of the slices not run are back.
        expect(await marksLeft()).toBe(many.length);
        expect(await countPending(t.db, 2563)).toBe(40);
        release();
        await recount;
        expect(await recomputeMarked(services, quiet)).toBe(many.length);
        expect(await marksLeft()).toBe(0);
        for (const r of await respondentsOf(many)) expect(r.counted).toBe(r.stored);
      } finally {
        await other.destroy();
      }
    });

    it('the worker’s recompute gives up after its wait, and adds everything once free', async () => {
      const other = await openDatabase({ kind: 'postgres', url: t.url! }, { poolSize: 1 });
      try {
        await insertResponses(t.db, someRows(10));
        const want = await fullRecount();
        // An import's recount in another process holds the year's counts.
        const { release, recount } = await holdYear(other);
        await expect(
          services.results.recomputeAgencies(2563, codes, { lockTimeoutMs: 200 }),
        ).rejects.toThrow(/lock/i);
        expect(await countPending(t.db, 2563)).toBe(10);
        release();
        await recount;
        await services.results.recomputeAgencies(2563, codes, { lockTimeoutMs: 200 });
        expect(await countPending(t.db, 2563)).toBe(0);
        expect(await counts()).toEqual(want);
      } finally {
        await other.destroy();
      }
    });

    it('answers stored while the increments run are neither lost nor counted twice', async () => {
      const want0 = await counts();
      expect(want0.respondents.length).toBeGreaterThan(0);
      const other = await openDatabase({ kind: 'postgres', url: t.url! }, { poolSize: 4 });
      try {
        let stop = false;
        const writer = (async () => {
          let n = 0;
          while (!stop && n < 40) {
            await insertResponses(other, someRows(5));
            n++;
          }
        })();
        const adder = (async () => {
          for (let i = 0; i < 15; i++) {
            await services.results.recomputeAgencies(2563, codes);
            await services.results.computeYear(2563);
          }
        })();
        await adder;
        stop = true;
        await writer;
        await services.results.recomputeAgencies(2563, codes);
        expect(await countPending(t.db, 2563)).toBe(0);
        expect(await counts()).toEqual(await fullRecount());
      } finally {
        await other.destroy();
      }
    });
  },
);

describe('the database shape', () => {
  it('applying nothing is harmless', async () => {
    await t.db.transaction().execute(async (tx) => {
      await lockYearCounts(tx, 2563);
      expect(await applyPendingCounts(tx, 2563, [])).toBe(0);
    });
  });
});
