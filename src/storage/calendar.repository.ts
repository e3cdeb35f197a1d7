// Reads and writes the assessment year's calendar (general windows and agency extensions).
import type { Calendar, Phase, PhaseWindow } from '../domain/calendar.ts';
import type { Db } from './database.ts';

export async function loadCalendar(db: Db, fiscalYear: number): Promise<Calendar> {
  const rows = await db
    .selectFrom('calendar_phases')
    .select(['phase', 'agency_code', 'opens_on', 'closes_on', 'reason'])
    .where('fiscal_year', '=', fiscalYear)
    .execute();
  return rows.map((r): PhaseWindow => ({
    phase: r.phase as Phase,
    agencyCode: r.agency_code === '' ? null : r.agency_code,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    reason: r.reason,
  }));
}

export async function savePhaseWindow(
  db: Db,
  fiscalYear: number,
  w: PhaseWindow,
  /** The service's clock: when the window was changed. */
  changedAt: Date,
): Promise<PhaseWindow | undefined> {
  const agency = w.agencyCode ?? '';
  const before = await db
    .selectFrom('calendar_phases')
    .select(['opens_on', 'closes_on', 'reason'])
    .where('fiscal_year', '=', fiscalYear)
    .where('phase', '=', w.phase)
    .where('agency_code', '=', agency)
    .executeTakeFirst();
  await db
    .insertInto('calendar_phases')
    .values({
      fiscal_year: fiscalYear,
      phase: w.phase,
      agency_code: agency,
      opens_on: w.opensOn,
      closes_on: w.closesOn,
      reason: w.reason,
      updated_at: changedAt,
    })
    .onConflict((oc) =>
      oc.columns(['fiscal_year', 'phase', 'agency_code']).doUpdateSet({
        opens_on: w.opensOn,
        closes_on: w.closesOn,
        reason: w.reason,
        updated_at: changedAt,
      }),
    )
    .execute();
  return before
    ? { ...w, opensOn: before.opens_on, closesOn: before.closes_on, reason: before.reason }
    : undefined;
}
