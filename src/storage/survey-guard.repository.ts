// Abuse resistance without identities: fixed-window counters, the day's salt, answer-set
// fingerprints, anomaly counts and single-use access codes. None shares a key with responses.
import type { Db } from './database.ts';

export async function purgeExpiredCounters(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('survey_counters').where('expires_at', '<=', now).execute();
}

/** The salt of a Thailand day, created on first use; older salts are deleted. */
export async function saltOfDay(db: Db, day: string, fresh: string): Promise<string> {
  await db
    .insertInto('survey_salts')
    .values({ day, salt: fresh })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  await db.deleteFrom('survey_salts').where('day', '<', day).execute();
  const r = await db
    .selectFrom('survey_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return r.salt;
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
}

export async function accessCodeUsable(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  hash: string,
): Promise<boolean> {
  const r = await db
    .selectFrom('survey_access_codes')
    .select('used')
    .where('code_hash', '=', hash)
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .executeTakeFirst();
  return r !== undefined && !r.used;
}

export async function accessCodeCounts(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<{ total: number; used: number }> {
  const r = await db
    .selectFrom('survey_access_codes')
    .select((s) => [
      s.fn.countAll<number>().as('total'),
      s.fn.countAll<number>().filterWhere('used', '=', true).as('used'),
    ])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), used: Number(r.used) };
}
