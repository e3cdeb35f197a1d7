// Recompute marks: "this agency has answers not yet counted". A mark holds the year and the
// agency only (no time, no count), so it says nothing about when or how many answers came; the
// worker drains marks on its own schedule and recomputes the agencies (ADR 0007).
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface AgencyMark {
  fiscalYear: number;
  agencyCode: string;
}

/** Marks agencies (a mark already there absorbs the new one). */
export async function markAgencies(db: Db, marks: readonly AgencyMark[]): Promise<void> {
  if (marks.length === 0) return;
  const key = (m: AgencyMark) => `${m.fiscalYear}\t${m.agencyCode}`;
  const unique = [...new Map(marks.map((m) => [key(m), m])).values()].sort((a, b) =>
    key(a) < key(b) ? -1 : 1,
  );
  await sql`insert into recompute_marks (fiscal_year, agency_code)
    select * from unnest(${unique.map((m) => m.fiscalYear)}::int[],
      ${unique.map((m) => m.agencyCode)}::text[])
    on conflict do nothing`.execute(db);
}

/**
 * Takes up to `limit` marks away and returns them. SKIP LOCKED lets several workers drain at
 * once without taking the same mark; a caller that fails to recompute puts them back.
 */
export async function takeMarks(db: Db, limit: number): Promise<AgencyMark[]> {
  const { rows } = await sql<{ fiscal_year: number; agency_code: string }>`
    delete from recompute_marks m using (
      select fiscal_year, agency_code from recompute_marks
      order by fiscal_year, agency_code limit ${limit} for update skip locked) t
    where m.fiscal_year = t.fiscal_year and m.agency_code = t.agency_code
    returning m.fiscal_year, m.agency_code`.execute(db);
  return rows.map((r) => ({ fiscalYear: r.fiscal_year, agencyCode: r.agency_code }));
}
