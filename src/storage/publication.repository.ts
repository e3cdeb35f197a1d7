// Facts behind publishing a year (readiness), and the NACC's OIT exceptions.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface AgencyPublicationRow {
  code: string;
  oitStatus: string | null;
  oitEntries: number;
  oitConfirmedEntries: number;
  exception: boolean;
  responses: { IIT: number; EIT: number };
  card: null | {
    frameworkId: string;
    respondents: { IIT: number; EIT: number };
    oit: number | null;
  };
}

/** One row per agency in the register: its OIT, exception, stored responses and card. */
export async function loadPublicationRows(
  db: Db,
  fiscalYear: number,
): Promise<AgencyPublicationRow[]> {
  const { rows } = await sql<{
    code: string;
    oit_status: string | null;
    oit_entries: number;
    oit_confirmed: number;
    exception: boolean;
    iit: number;
    eit: number;
    framework_id: string | null;
    respondents: { IIT: number; EIT: number } | null;
    card_oit: number | null;
  }>`select a.code, st.status as oit_status,
      coalesce(o.total, 0)::int as oit_entries, coalesce(o.confirmed, 0)::int as oit_confirmed,
      (x.agency_code is not null) as exception,
      coalesce(r.iit, 0)::int as iit, coalesce(r.eit, 0)::int as eit,
      s.framework_id, s.respondents, s.oit as card_oit
    from agencies a
    left join oit_agency_states st on st.fiscal_year = ${fiscalYear} and st.agency_code = a.code
    left join (select agency_code, count(*) as total,
        count(*) filter (where status = 'confirmed') as confirmed
      from oit_entries where fiscal_year = ${fiscalYear} and is_current
      group by agency_code) o on o.agency_code = a.code
    left join (select agency_code, count(*) filter (where tool = 'IIT') as iit,
        count(*) filter (where tool = 'EIT') as eit
      from responses where fiscal_year = ${fiscalYear}
      group by agency_code) r on r.agency_code = a.code
    left join score_cards s on s.fiscal_year = ${fiscalYear} and s.agency_code = a.code
    left join publication_oit_exceptions x
      on x.fiscal_year = ${fiscalYear} and x.agency_code = a.code
    order by a.code`.execute(db);
  return rows.map((r) => ({
    code: r.code,
    oitStatus: r.oit_status,
    oitEntries: r.oit_entries,
    oitConfirmedEntries: r.oit_confirmed,
    exception: r.exception,
    responses: { IIT: r.iit, EIT: r.eit },
    card: r.framework_id
      ? {
          frameworkId: r.framework_id,
          respondents: r.respondents ?? { IIT: 0, EIT: 0 },
          oit: r.card_oit,
        }
      : null,
  }));
}

/** Item scores of the agencies whose current OIT entries are all confirmed. */
export async function loadConfirmedOitScores(
  db: Db,
  fiscalYear: number,
): Promise<Map<string, Record<string, number>>> {
  const { rows } = await sql<{ agency_code: string; scores: string }>`
    select agency_code, coalesce(json_object_agg(item, score)
        filter (where score is not null), '{}')::text as scores
    from oit_entries where fiscal_year = ${fiscalYear} and is_current
    group by agency_code
    having bool_and(status = 'confirmed')`.execute(db);
  return new Map(rows.map((r) => [r.agency_code, JSON.parse(r.scores) as Record<string, number>]));
}

/**
 * Recomputes of the year not done: `recompute` jobs waiting or running (OIT confirmations) plus
 * recompute marks (agencies with answers not yet counted, ADR 0007); and jobs that gave up.
 */
export async function recomputeJobCounts(
  db: Db,
  fiscalYear: number,
): Promise<{ pending: number; failed: number }> {
  const { rows } = await sql<{ pending: number; failed: number }>`
    select ((select count(*) from jobs where kind = 'recompute' and failed_at is null
          and payload->>'fiscalYear' = ${String(fiscalYear)})
        + (select count(*) from recompute_marks where fiscal_year = ${fiscalYear}))::int as pending,
      (select count(*) from jobs where kind = 'recompute' and failed_at is not null
        and payload->>'fiscalYear' = ${String(fiscalYear)})::int as failed`.execute(db);
  return rows[0] ?? { pending: 0, failed: 0 };
}

export interface OitException {
  agencyCode: string;
  nameTh: string;
  reason: string;
  recordedBy: string;
  recordedAt: Date;
}

export async function listOitExceptions(db: Db, fiscalYear: number): Promise<OitException[]> {
  const rows = await db
    .selectFrom('publication_oit_exceptions as x')
    .innerJoin('agencies as a', 'a.code', 'x.agency_code')
    .select(['x.agency_code', 'a.name_th', 'x.reason', 'x.recorded_by', 'x.recorded_at'])
    .where('x.fiscal_year', '=', fiscalYear)
    .orderBy('x.agency_code')
    .execute();
  return rows.map((r) => ({
    agencyCode: r.agency_code,
    nameTh: r.name_th,
    reason: r.reason,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }));
}

/** Records (or replaces) an exception; returns the one it replaced. */
export async function saveOitException(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  reason: string,
  recordedBy: string,
): Promise<{ reason: string; recordedBy: string } | undefined> {
  const before = await db
    .selectFrom('publication_oit_exceptions')
    .select(['reason', 'recorded_by'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .forUpdate()
    .executeTakeFirst();
  await db
    .insertInto('publication_oit_exceptions')
    .values({
      fiscal_year: fiscalYear,
      agency_code: agencyCode,
      reason,
      recorded_by: recordedBy,
    })
    .onConflict((oc) =>
      oc.columns(['fiscal_year', 'agency_code']).doUpdateSet({
        reason,
        recorded_by: recordedBy,
        recorded_at: sql`now()`,
      }),
    )
    .execute();
  return before ? { reason: before.reason, recordedBy: before.recorded_by } : undefined;
}

/** Removes an exception; returns it, or undefined when there was none. */
export async function deleteOitException(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<{ reason: string; recordedBy: string } | undefined> {
  const r = await db
    .deleteFrom('publication_oit_exceptions')
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .returning(['reason', 'recorded_by'])
    .executeTakeFirst();
  return r ? { reason: r.reason, recordedBy: r.recorded_by } : undefined;
}

/** Locks the year's row so two publications (or a publication and an exception) serialise. */
export async function lockYear(db: Db, fiscalYear: number): Promise<void> {
  await sql`select 1 from assessment_years where fiscal_year = ${fiscalYear} for update`.execute(
    db,
  );
}
