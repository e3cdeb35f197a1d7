// Published results of earlier years (imported), for "last year" columns and trends.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface PastResult {
  agencyCode: string;
  fiscalYear: number;
  overall: number;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  level: string | null;
}

/** Inserts or replaces rows keyed by (agency, year); returns how many were new. */
export async function upsertPastResults(db: Db, rows: PastResult[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(f: (r: PastResult) => T) => rows.map(f);
  const { rows: out } = await sql<{ inserted: boolean }>`
    insert into past_results (agency_code, fiscal_year, overall, iit, eit, oit, level)
    select * from unnest(${col((r) => r.agencyCode)}::text[], ${col((r) => r.fiscalYear)}::int[],
      ${col((r) => r.overall)}::float8[], ${col((r) => r.iit)}::float8[],
      ${col((r) => r.eit)}::float8[], ${col((r) => r.oit)}::float8[], ${col((r) => r.level)}::text[])
    on conflict (agency_code, fiscal_year) do update set overall = excluded.overall,
      iit = excluded.iit, eit = excluded.eit, oit = excluded.oit, level = excluded.level,
      imported_at = now()
    returning (xmax = 0) as inserted`.execute(db);
  return out.filter((r) => r.inserted).length;
}

/** Past results of a year (all agencies, or these). */
export async function loadPastResults(
  db: Db,
  fiscalYear: number,
  agencyCodes?: string[],
): Promise<Map<string, PastResult>> {
  let q = db.selectFrom('past_results').selectAll().where('fiscal_year', '=', fiscalYear);
  if (agencyCodes) {
    if (agencyCodes.length === 0) return new Map();
    q = q.where('agency_code', 'in', agencyCodes);
  }
  const rows = await q.execute();
  return new Map(
    rows.map((r) => [
      r.agency_code,
      {
        agencyCode: r.agency_code,
        fiscalYear: r.fiscal_year,
        overall: r.overall,
        iit: r.iit,
        eit: r.eit,
        oit: r.oit,
        level: r.level,
      },
    ]),
  );
}

/** Every stored year of one agency, oldest first (for trend charts). */
export async function loadAgencyTrend(db: Db, agencyCode: string): Promise<PastResult[]> {
  const rows = await db
    .selectFrom('past_results')
    .selectAll()
    .where('agency_code', '=', agencyCode)
    .orderBy('fiscal_year')
    .execute();
  return rows.map((r) => ({
    agencyCode: r.agency_code,
    fiscalYear: r.fiscal_year,
    overall: r.overall,
    iit: r.iit,
    eit: r.eit,
    oit: r.oit,
    level: r.level,
  }));
}
