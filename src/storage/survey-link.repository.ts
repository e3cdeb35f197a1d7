// Survey links (one short code per agency and year), sample targets and live respondent counts.
import type { Db } from './database.ts';

export interface LinkRow {
  fiscalYear: number;
  agencyCode: string;
  code: string;
  singleUseIit: boolean;
}

export interface LinkedAgency extends LinkRow {
  nameTh: string;
  nameEn: string | null;
  province: string | null;
  type: string;
}

export async function findLinkByCode(db: Db, code: string): Promise<LinkedAgency | undefined> {
  const r = await db
    .selectFrom('survey_links as l')
    .innerJoin('agencies as a', 'a.code', 'l.agency_code')
    .select([
      'l.fiscal_year',
      'l.agency_code',
      'l.code',
      'l.single_use_iit',
      'a.name_th',
      'a.name_en',
      'a.province',
      'a.type',
    ])
    .where('l.code', '=', code)
    .executeTakeFirst();
  return r && toLinked(r);
}

function toLinked(r: {
  fiscal_year: number;
  agency_code: string;
  code: string;
  single_use_iit: boolean;
  name_th: string;
  name_en: string | null;
  province: string | null;
  type: string;
}): LinkedAgency {
  return {
    fiscalYear: r.fiscal_year,
    agencyCode: r.agency_code,
    code: r.code,
    singleUseIit: r.single_use_iit,
    nameTh: r.name_th,
    nameEn: r.name_en,
    province: r.province,
    type: r.type,
  };
}

export async function findLink(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<LinkRow | undefined> {
  const r = await db
    .selectFrom('survey_links')
    .select(['fiscal_year', 'agency_code', 'code', 'single_use_iit'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .executeTakeFirst();
  return (
    r && {
      fiscalYear: r.fiscal_year,
      agencyCode: r.agency_code,
      code: r.code,
      singleUseIit: r.single_use_iit,
    }
  );
}

/** Sets the agency's code (new or rotated); the old code stops working at once. */
export async function putLinkCode(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  code: string,
  /** The service's clock: when the code was made. */
  at: Date,
): Promise<void> {
  await putLinkCodes(db, fiscalYear, [{ agencyCode, code }], at);
}

/** Sets agencies' link codes (an agency at most once) in one statement. */
export async function putLinkCodes(
  db: Db,
  fiscalYear: number,
  links: readonly { agencyCode: string; code: string }[],
  at: Date,
): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('survey_links')
    .values(
      links.map((l) => ({
        fiscal_year: fiscalYear,
        agency_code: l.agencyCode,
        code: l.code,
        rotated_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['fiscal_year', 'agency_code']).doUpdateSet((eb) => ({
        code: eb.ref('excluded.code'),
        rotated_at: eb.ref('excluded.rotated_at'),
      })),
    )
    .execute();
}

export async function setSingleUse(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  on: boolean,
): Promise<void> {
  await db
    .updateTable('survey_links')
    .set({ single_use_iit: on })
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .execute();
}

export async function listLinks(db: Db, fiscalYear: number): Promise<LinkedAgency[]> {
  const rows = await db
    .selectFrom('survey_links as l')
    .innerJoin('agencies as a', 'a.code', 'l.agency_code')
    .select([
      'l.fiscal_year',
      'l.agency_code',
      'l.code',
      'l.single_use_iit',
      'a.name_th',
      'a.name_en',
      'a.province',
      'a.type',
    ])
    .where('l.fiscal_year', '=', fiscalYear)
    .orderBy('l.agency_code')
    .execute();
  return rows.map(toLinked);
}

export async function agencyCodesWithoutLink(
  db: Db,
  fiscalYear: number,
  province?: string,
): Promise<string[]> {
  let q = db
    .selectFrom('agencies as a')
    .leftJoin('survey_links as l', (j) =>
      j.onRef('l.agency_code', '=', 'a.code').on('l.fiscal_year', '=', fiscalYear),
    )
    .select('a.code')
    .where('l.code', 'is', null);
  if (province) q = q.where('a.province', '=', province);
  return (await q.execute()).map((r) => r.code);
}

export interface TargetRow {
  agencyCode: string;
  iitPopulation: number | null;
  eitPopulation: number | null;
}

/** Sets agencies' targets (one row each, a code at most once), in one statement. */
export async function putTargets(
  db: Db,
  fiscalYear: number,
  rows: readonly TargetRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('survey_targets')
    .values(
      rows.map((t) => ({
        fiscal_year: fiscalYear,
        agency_code: t.agencyCode,
        iit_population: t.iitPopulation,
        eit_population: t.eitPopulation,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['fiscal_year', 'agency_code']).doUpdateSet((eb) => ({
        iit_population: eb.ref('excluded.iit_population'),
        eit_population: eb.ref('excluded.eit_population'),
      })),
    )
    .execute();
}

export interface ProgressRow {
  agencyCode: string;
  nameTh: string;
  province: string | null;
  iitPopulation: number | null;
  eitPopulation: number | null;
  iitCount: number;
  eitCount: number;
}

/** Every agency (optionally of one province) with its targets and live respondent counts. */
export async function listProgress(
  db: Db,
  fiscalYear: number,
  filter: { province?: string; agencyCode?: string } = {},
): Promise<ProgressRow[]> {
  let q = db
    .selectFrom('agencies as a')
    .leftJoin('survey_targets as t', (j) =>
      j.onRef('t.agency_code', '=', 'a.code').on('t.fiscal_year', '=', fiscalYear),
    )
    // Counted from the responses themselves so the figure is live, not waiting for a recompute.
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('responses')
          .select((s) => [
            'agency_code',
            s.fn.countAll<number>().filterWhere('tool', '=', 'IIT').as('iit_n'),
            s.fn.countAll<number>().filterWhere('tool', '=', 'EIT').as('eit_n'),
          ])
          .where('fiscal_year', '=', fiscalYear)
          .groupBy('agency_code')
          .as('rc'),
      (j) => j.onRef('rc.agency_code', '=', 'a.code'),
    )
    .select([
      'a.code',
      'a.name_th',
      'a.province',
      't.iit_population',
      't.eit_population',
      'rc.iit_n',
      'rc.eit_n',
    ]);
  if (filter.province) q = q.where('a.province', '=', filter.province);
  if (filter.agencyCode) q = q.where('a.code', '=', filter.agencyCode);
  const rows = await q.execute();
  return rows.map((r) => ({
    agencyCode: r.code,
    nameTh: r.name_th,
    province: r.province,
    iitPopulation: r.iit_population ?? null,
    eitPopulation: r.eit_population ?? null,
    iitCount: Number(r.iit_n ?? 0),
    eitCount: Number(r.eit_n ?? 0),
  }));
}

/** The entered populations of these agencies (absent: the agency entered none). */
export async function loadTargets(
  db: Db,
  fiscalYear: number,
  agencyCodes: string[],
): Promise<Map<string, TargetRow>> {
  if (agencyCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('survey_targets')
    .select(['agency_code', 'iit_population', 'eit_population'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', 'in', agencyCodes)
    .execute();
  return new Map(
    rows.map((r) => [
      r.agency_code,
      {
        agencyCode: r.agency_code,
        iitPopulation: r.iit_population ?? null,
        eitPopulation: r.eit_population ?? null,
      },
    ]),
  );
}
