// ADR 0033 and 0035: the build loads the demo's undated part (2564's OIT workflow included) on the
// day of `npm install`; a first start loads the dated part on its own day, which may be weeks later.
// What a visitor gets must be the demo a whole load makes on the start's day: the same rows, the
// same OIT steps, every window around the start's day, not the build's.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatedDemo, loadDemo, loadUndatedDemo } from '../../src/demo/load-demo.ts';
import { createServices } from '../../src/services/container.ts';
import type { Db } from '../../src/storage/database.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

// 10:00 in Thailand both days, 56 days apart, in the same fiscal year (2570).
const BUILD_DAY = new Date('2026-11-20T03:00:00Z');
const START_DAY = new Date('2027-01-15T03:00:00Z');

let built: TestDb;
let whole: TestDb;

beforeAll(async () => {
  built = await createTestDb();
  whole = await createTestDb();
  await loadUndatedDemo(createServices(built.db, { clock: () => BUILD_DAY }));
  await loadDatedDemo(createServices(built.db, { clock: () => START_DAY }));
  await loadDemo(createServices(whole.db, { clock: () => START_DAY }));
}, 240_000);

afterAll(async () => {
  await built?.close();
  await whole?.close();
});

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name
    from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
    order by 1`.execute(db);
  const out: Record<string, number> = {};
  for (const { name } of tables.rows)
    out[name] = (
      await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db)
    ).rows[0]!.n;
  return out;
}

const windows = (db: Db, year: number) =>
  sql<{ phase: string; opens_on: string; closes_on: string }>`select phase,
    opens_on::text as opens_on, closes_on::text as closes_on from calendar_phases
    where fiscal_year = ${year} and agency_code = '' order by phase`.execute(db);

describe('the demo built on one day and finished on another', () => {
  it('holds the rows a whole load makes on the later day, table by table', async () => {
    const counts = await rowCounts(built.db);
    expect(counts.oit_entries).toBeGreaterThan(0);
    expect(counts).toEqual(await rowCounts(whole.db));
  });

  it('opens 2564’s OIT windows and the surveys around the later day, not the build’s', async () => {
    const oit = (await windows(built.db, 2564)).rows;
    expect(oit.map((w) => w.phase)).toEqual([
      'clarification',
      'confirmation',
      'oit-entry',
      'oit-review',
    ]);
    // A week before the start's day to 60 days after it.
    for (const w of oit) expect([w.opens_on, w.closes_on]).toEqual(['2027-01-08', '2027-03-16']);
    expect(oit).toEqual((await windows(whole.db, 2564)).rows);
    const surveys = (await windows(built.db, 2570)).rows.find((w) => w.phase === 'iit');
    expect(surveys).toEqual({ phase: 'iit', opens_on: '2027-01-01', closes_on: '2027-02-14' });
  });

  it('shows each 2564 agency at the same OIT step as a whole load', async () => {
    const states = (db: Db) =>
      sql<{ agency_code: string; status: string }>`select agency_code, status
        from oit_agency_states where fiscal_year = 2564 order by agency_code`.execute(db);
    const steps = (await states(built.db)).rows;
    expect(steps.map((s) => s.status).sort()).toEqual(
      ['clarification_requested', 'confirmed', 'draft', 'submitted'].sort(),
    );
    expect(steps).toEqual((await states(whole.db)).rows);
  });
});
