// Abuse resistance without identities: fixed-window counters, answer-set fingerprints, anomaly
// counts and single-use access codes. None shares a key with responses.
import type { Db } from './database.ts';

/** Deletes the counters of days before `today` (a Thailand day); returns how many went. */
export async function purgeExpiredCounters(db: Db, today: string): Promise<number> {
  const r = await db.deleteFrom('survey_counters').where('day', '<', today).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface AnomalyRow {
  agencyCode: string;
  tool: string;
  kind: string;
  occurrences: number;
}

export async function listAnomalies(
  db: Db,
  fiscalYear: number,
  agencyCodes?: string[],
): Promise<AnomalyRow[]> {
  let q = db
    .selectFrom('survey_anomalies')
    .select(['agency_code', 'tool', 'kind', 'occurrences'])
    .where('fiscal_year', '=', fiscalYear);
  if (agencyCodes) {
    if (agencyCodes.length === 0) return [];
    q = q.where('agency_code', 'in', agencyCodes);
  }
  const rows = await q.orderBy('agency_code').orderBy('tool').orderBy('kind').execute();
  return rows.map((r) => ({
    agencyCode: r.agency_code,
    tool: r.tool,
    kind: r.kind,
    occurrences: r.occurrences,
  }));
}

/** Adds unspent codes (their hashes) and counts them as issued to the agency. */
export async function insertAccessCodes(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  hashes: string[],
): Promise<void> {
  if (hashes.length === 0) return;
  await db
    .insertInto('survey_access_codes')
    .values(hashes.map((h) => ({ code_hash: h, fiscal_year: fiscalYear, agency_code: agencyCode })))
    .execute();
  await db
    .insertInto('survey_access_code_totals')
    .values({ fiscal_year: fiscalYear, agency_code: agencyCode, issued: hashes.length })
    .onConflict((oc) =>
      oc.columns(['fiscal_year', 'agency_code']).doUpdateSet((eb) => ({
        issued: eb('survey_access_code_totals.issued', '+', hashes.length),
      })),
    )
    .execute();
}

/** An unspent code of the agency (a spent one has no row any more). */
export async function accessCodeUsable(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  hash: string,
): Promise<boolean> {
  const r = await db
    .selectFrom('survey_access_codes')
    .select('code_hash')
    .where('code_hash', '=', hash)
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .executeTakeFirst();
  return r !== undefined;
}

export async function accessCodeCounts(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<{ total: number; used: number }> {
  const total = await db
    .selectFrom('survey_access_code_totals')
    .select('issued')
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .executeTakeFirst();
  const left = await db
    .selectFrom('survey_access_codes')
    .select((s) => s.fn.countAll<number>().as('n'))
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .executeTakeFirstOrThrow();
  const issued = total?.issued ?? 0;
  return { total: issued, used: Math.max(0, issued - Number(left.n)) };
}
