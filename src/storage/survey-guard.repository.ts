// Abuse resistance without identities: fixed-window counters, the day's salt, answer-set
// fingerprints, anomaly counts and single-use access codes. None shares a key with responses.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface CounterHit {
  bucket: string;
  windowStart: number;
  expiresAt: Date;
}

/** Adds one hit to each bucket's current window in one statement; returns the new totals. */
export async function hitCounters(db: Db, hits: CounterHit[]): Promise<Map<string, number>> {
  const rows = await db
    .insertInto('survey_counters')
    .values(
      hits.map((h) => ({
        bucket: h.bucket,
        window_start: h.windowStart,
        hits: 1,
        expires_at: h.expiresAt,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['bucket', 'window_start'])
        .doUpdateSet({ hits: sql<number>`survey_counters.hits + 1` }),
    )
    .returning(['bucket', 'hits'])
    .execute();
  return new Map(rows.map((r) => [r.bucket, r.hits]));
}

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

export async function countAnomaly(
  db: Db,
  key: { fiscalYear: number; agencyCode: string; tool: string },
  kind: string,
): Promise<void> {
  await db
    .insertInto('survey_anomalies')
    .values({
      fiscal_year: key.fiscalYear,
      agency_code: key.agencyCode,
      tool: key.tool,
      kind,
      occurrences: 1,
    })
    .onConflict((oc) =>
      oc
        .columns(['fiscal_year', 'agency_code', 'tool', 'kind'])
        .doUpdateSet({ occurrences: sql<number>`survey_anomalies.occurrences + 1` }),
    )
    .execute();
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

/** Marks a code used; false when it was unknown or already used (the race is decided here). */
export async function useAccessCode(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  hash: string,
): Promise<boolean> {
  const r = await db
    .updateTable('survey_access_codes')
    .set({ used: true })
    .where('code_hash', '=', hash)
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .where('used', '=', false)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
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
