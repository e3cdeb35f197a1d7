// An agency's OIT workflow state per year, with its append-only history of changes.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { OitStatus } from '../domain/oit/workflow.ts';

export interface OitAgencyState {
  status: OitStatus;
  reviewStartedAt: Date | null;
  changedBy: string;
  changedAt: Date;
}

export async function findOitState(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  forUpdate = false,
): Promise<OitAgencyState | undefined> {
  let q = db
    .selectFrom('oit_agency_states')
    .select(['status', 'review_started_at', 'changed_by', 'changed_at'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r
    ? {
        status: r.status,
        reviewStartedAt: r.review_started_at,
        changedBy: r.changed_by,
        changedAt: r.changed_at,
      }
    : undefined;
}

/** Sets an agency's state and appends the change to its history. */
export async function saveOitState(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  change: { status: OitStatus; action: string; changedBy: string; reviewStarted?: boolean },
): Promise<void> {
  await db
    .insertInto('oit_agency_states')
    .values({
      fiscal_year: fiscalYear,
      agency_code: agencyCode,
      status: change.status,
      changed_by: change.changedBy,
      review_started_at: change.reviewStarted ? sql<Date>`now()` : null,
    })
    .onConflict((oc) =>
      oc.columns(['fiscal_year', 'agency_code']).doUpdateSet({
        status: change.status,
        changed_by: change.changedBy,
        changed_at: sql<Date>`now()`,
        ...(change.reviewStarted ? { review_started_at: sql<Date>`now()` } : {}),
      }),
    )
    .execute();
  await db
    .insertInto('oit_agency_events')
    .values({
      fiscal_year: fiscalYear,
      agency_code: agencyCode,
      status: change.status,
      action: change.action,
      changed_by: change.changedBy,
    })
    .execute();
}

export interface OitEvent {
  status: OitStatus;
  action: string;
  changedBy: string;
  changedAt: Date;
}

export async function listOitEvents(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<OitEvent[]> {
  const rows = await db
    .selectFrom('oit_agency_events')
    .select(['status', 'action', 'changed_by', 'changed_at'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    status: r.status,
    action: r.action,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  }));
}

/**
 * Agencies whose every current item was imported as confirmed (`itas import oit`) but which have
 * no workflow state yet get the state 'confirmed', so screens and exports agree with the import.
 */
export async function markImportedConfirmed(
  db: Db,
  fiscalYear: number,
  changedBy: string,
): Promise<number> {
  const { rows } = await sql<{ agency_code: string }>`
    insert into oit_agency_states (fiscal_year, agency_code, status, changed_by)
    select ${fiscalYear}::int, e.agency_code, 'confirmed', ${changedBy}
    from oit_entries e
    where e.fiscal_year = ${fiscalYear} and e.is_current
      and not exists (select 1 from oit_agency_states s
        where s.fiscal_year = e.fiscal_year and s.agency_code = e.agency_code)
    group by e.agency_code
    having bool_and(e.status = 'confirmed')
    returning agency_code`.execute(db);
  if (rows.length)
    await sql`insert into oit_agency_events (fiscal_year, agency_code, status, action, changed_by)
      select ${fiscalYear}::int, code, 'confirmed', 'import', ${changedBy}
      from unnest(${rows.map((r) => r.agency_code)}::text[]) as code`.execute(db);
  return rows.length;
}
