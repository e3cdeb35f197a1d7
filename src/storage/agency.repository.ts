// Reads and writes the agency register.
import { sql } from 'kysely';
import type { Agency, AgencyTypeCode } from '../domain/agency.ts';
import { AGENCY_COLUMNS, agencyRecord } from '../domain/agency-import.ts';
import type { AgencyGroupOfYear } from '../domain/framework/helpers.ts';
import type { AgencySize } from '../domain/framework/schema.ts';
import type { Db } from './database.ts';
import type { AgencyTable } from './schema-agencies.ts';

export interface AgencyFilter {
  q?: string;
  province?: string;
  type?: string;
}

/** The register's columns are the exchange format's (formats.md): one list, in the domain. */
const COLUMNS = AGENCY_COLUMNS;
type Row = Pick<AgencyTable, (typeof COLUMNS)[number]>;

/** The one row mapper of `agencies` (reads); writes use the domain's `agencyRecord`. */
function toAgency(r: Row): Agency {
  return {
    code: r.code,
    nameTh: r.name_th,
    nameEn: r.name_en,
    type: r.type as AgencyTypeCode,
    province: r.province,
    district: r.district,
    parentCode: r.parent_code,
    website: r.website,
    staffCount: r.staff_count,
  };
}

/** Inserts or updates each agency by code; returns how many were new. */
export async function upsertAgencies(
  db: Db,
  agencies: Agency[],
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  const CHUNK = 1000;
  for (let i = 0; i < agencies.length; i += CHUNK) {
    const chunk = agencies.slice(i, i + CHUNK);
    const rows = await db
      .insertInto('agencies')
      .values(chunk.map(agencyRecord))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name_th: eb.ref('excluded.name_th'),
          name_en: eb.ref('excluded.name_en'),
          type: eb.ref('excluded.type'),
          province: eb.ref('excluded.province'),
          district: eb.ref('excluded.district'),
          parent_code: eb.ref('excluded.parent_code'),
          website: eb.ref('excluded.website'),
          staff_count: eb.ref('excluded.staff_count'),
          updated_at: sql`now()`,
        })),
      )
      // xmax = 0 only for freshly inserted rows: the usual way to tell inserts from updates.
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .execute();
    inserted += rows.filter((r) => r.inserted).length;
  }
  return { inserted, updated: agencies.length - inserted };
}

export async function findAgencies(db: Db, f: AgencyFilter): Promise<Agency[]> {
  let q = db.selectFrom('agencies').select(COLUMNS);
  if (f.province) q = q.where('province', '=', f.province);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.q)
    q = q.where((eb) =>
      eb.or([
        eb('name_th', 'ilike', `%${escapeLike(f.q!)}%`),
        eb('name_en', 'ilike', `%${escapeLike(f.q!)}%`),
        // "ลำพูน" should find the province's agencies, not only those with it in their name.
        eb('province', 'ilike', `%${escapeLike(f.q!)}%`),
        eb('district', 'ilike', `%${escapeLike(f.q!)}%`),
        eb('code', '=', f.q!),
      ]),
    );
  return (await q.execute()).map(toAgency);
}

export async function findAgency(db: Db, code: string): Promise<Agency | undefined> {
  const r = await db
    .selectFrom('agencies')
    .select(COLUMNS)
    .where('code', '=', code)
    .executeTakeFirst();
  return r ? toAgency(r) : undefined;
}

/** The agencies of these codes that exist, by code. */
export async function findAgenciesByCode(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, Agency>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(COLUMNS).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, toAgency(r)]));
}

export async function countAgencies(db: Db): Promise<number> {
  const r = await db
    .selectFrom('agencies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listProvincesWithAgencies(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('agencies')
    .select('province')
    .distinct()
    .where('province', 'is not', null)
    .execute();
  return rows.map((r) => r.province!);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** Changes the fields an agency administers itself (website, staff count). */
export async function updateAgencyProfile(
  db: Db,
  code: string,
  set: { website: string | null; staffCount: number | null },
): Promise<void> {
  await db
    .updateTable('agencies')
    .set({ website: set.website, staff_count: set.staffCount, updated_at: sql`now()` })
    .where('code', '=', code)
    .execute();
}

export interface AgencyYearGroup {
  fiscalYear: number;
  agencyCode: string;
  group: string;
  size: AgencySize | null;
}

/** Sets each agency's group for a year (a re-import replaces it). */
export async function upsertAgencyGroups(db: Db, rows: AgencyYearGroup[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('agency_year_groups')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          fiscal_year: r.fiscalYear,
          agency_code: r.agencyCode,
          agency_group: r.group,
          size: r.size,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['fiscal_year', 'agency_code']).doUpdateSet((eb) => ({
          agency_group: eb.ref('excluded.agency_group'),
          size: eb.ref('excluded.size'),
        })),
      )
      .execute();
}

/** The groups of a year's agencies (of these, or all): agency code → group and size. */
export async function loadAgencyGroups(
  db: Db,
  fiscalYear: number,
  codes?: string[],
): Promise<Map<string, AgencyGroupOfYear>> {
  if (codes?.length === 0) return new Map();
  let q = db
    .selectFrom('agency_year_groups')
    .select(['agency_code', 'agency_group', 'size'])
    .where('fiscal_year', '=', fiscalYear);
  if (codes) q = q.where('agency_code', 'in', codes);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.agency_code, { group: r.agency_group, size: r.size }]));
}

/** One agency's group in every year it has one, newest first. */
export async function listAgencyGroups(db: Db, code: string): Promise<AgencyYearGroup[]> {
  const rows = await db
    .selectFrom('agency_year_groups')
    .selectAll()
    .where('agency_code', '=', code)
    .orderBy('fiscal_year', 'desc')
    .execute();
  return rows.map((r) => ({
    fiscalYear: r.fiscal_year,
    agencyCode: r.agency_code,
    group: r.agency_group,
    size: r.size,
  }));
}
