// Reads behind the results pages (agency report, summaries, rankings, home) and the year's
// publication state. Light rows for year-wide pages: one query, only the columns shown.
import { sql } from 'kysely';
import type { SurveyTool } from '../domain/framework/schema.ts';
import { belowMinimum } from '../domain/scoring/minimum-sample.ts';
import type { ScoreCard } from '../domain/scoring/types.ts';
import type { Db } from './database.ts';
import { confirmedOitAgencies } from './oit.repository.ts';

export interface ResultRow {
  agencyCode: string;
  nameTh: string;
  nameEn: string | null;
  type: string;
  province: string | null;
  district: string | null;
  overall: number | null;
  level: string | null;
  passed: boolean | null;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  indicators: Record<string, number | null>;
  respondents: { IIT: number; EIT: number };
  /** Survey tools below the minimum sample (marked in every output). */
  belowMinimum: SurveyTool[];
}

/**
 * Every score card of a year with its agency, in agency-code order (so sums over them are the
 * same every time); indicators and respondents only when asked.
 */
export async function loadResultRows(
  db: Db,
  fiscalYear: number,
  opts: { detail?: boolean } = {},
): Promise<ResultRow[]> {
  const { rows } = await sql<{
    agency_code: string;
    name_th: string;
    name_en: string | null;
    type: string;
    province: string | null;
    district: string | null;
    overall: number | null;
    level: string | null;
    passed: boolean | null;
    iit: number | null;
    eit: number | null;
    oit: number | null;
    indicators: Record<string, number | null> | null;
    respondents: { IIT: number; EIT: number } | null;
    sample: Partial<ScoreCard['sample']> | null;
  }>`select s.agency_code, a.name_th, a.name_en, a.type, a.province, a.district, s.overall,
      s.level, s.passed, s.iit, s.eit, s.oit, s.sample,
      ${opts.detail ? sql`s.indicators, s.respondents` : sql`null::json as indicators, null::json as respondents`}
    from score_cards s join agencies a on a.code = s.agency_code
    where s.fiscal_year = ${fiscalYear}
    order by s.agency_code`.execute(db);
  return rows.map((r) => ({
    agencyCode: r.agency_code,
    nameTh: r.name_th,
    nameEn: r.name_en,
    type: r.type,
    province: r.province,
    district: r.district,
    overall: r.overall,
    level: r.level,
    passed: r.passed,
    iit: r.iit,
    eit: r.eit,
    oit: r.oit,
    indicators: r.indicators ?? {},
    respondents: r.respondents ?? { IIT: 0, EIT: 0 },
    belowMinimum: belowMinimum((r.sample as ScoreCard['sample'] | null) ?? undefined),
  }));
}

/**
 * "Last year" (one rule everywhere: pages, API, CLI, trends): a year's published score card where
 * the year is published and the agency has an overall score, else the imported published result
 * (`past_results`). An unpublished year's cards never stand in for a published figure.
 */
export async function loadYearOveralls(
  db: Db,
  fiscalYear: number,
  agencyCodes?: string[],
): Promise<{ agencyCode: string; overall: number | null }[]> {
  if (agencyCodes && agencyCodes.length === 0) return [];
  const only = (col: string) =>
    agencyCodes ? sql`and ${sql.ref(col)} = any(${agencyCodes}::text[])` : sql``;
  const { rows } = await sql<{ agency_code: string; overall: number | null }>`
    with published as (
      select s.agency_code, s.overall from score_cards s
      join assessment_years y on y.fiscal_year = s.fiscal_year and y.published_at is not null
      where s.fiscal_year = ${fiscalYear} and s.overall is not null ${only('s.agency_code')})
    select agency_code, overall from published
    union all
    select p.agency_code, p.overall from past_results p
    where p.fiscal_year = ${fiscalYear} ${only('p.agency_code')}
      and not exists (select 1 from published c where c.agency_code = p.agency_code)`.execute(db);
  return rows.map((r) => ({ agencyCode: r.agency_code, overall: r.overall }));
}

/**
 * Overall scores of one agency in every year: stored cards of published years (and of `alsoYear`,
 * the year being shown to someone allowed to see it) preferred to imported results.
 */
export async function loadAgencyOverallHistory(
  db: Db,
  agencyCode: string,
  alsoYear?: number,
): Promise<{ fiscalYear: number; overall: number }[]> {
  const shown = sql`(y.published_at is not null or y.fiscal_year = ${alsoYear ?? -1})`;
  const { rows } = await sql<{ fiscal_year: number; overall: number }>`
    select s.fiscal_year, s.overall from score_cards s
    join assessment_years y on y.fiscal_year = s.fiscal_year and ${shown}
    where s.agency_code = ${agencyCode} and s.overall is not null
    union all
    select p.fiscal_year, p.overall from past_results p
    where p.agency_code = ${agencyCode} and not exists (select 1 from score_cards s
      join assessment_years y on y.fiscal_year = s.fiscal_year and ${shown}
      where s.fiscal_year = p.fiscal_year and s.agency_code = p.agency_code and s.overall is not null)
    order by 1`.execute(db);
  return rows.map((r) => ({ fiscalYear: r.fiscal_year, overall: r.overall }));
}

/** Answer counts of one agency: tool → 1-based column index → counts of options 1..4. */
export async function loadAnswerCounts(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<{ tool: 'IIT' | 'EIT'; item: number; counts: number[] }[]> {
  const rows = await db
    .selectFrom('answer_counts')
    .select(['tool', 'item', 'c1', 'c2', 'c3', 'c4'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .execute();
  return rows.map((r) => ({ tool: r.tool, item: r.item, counts: [r.c1, r.c2, r.c3, r.c4] }));
}

export interface DemographicCountRow {
  tool: 'IIT' | 'EIT';
  field: 'age_band' | 'education' | 'contact_type';
  value: string | null;
  gender: string | null;
  n: number;
}

/** Counts of people per tool, field value and gender (never answers by group). */
export async function loadDemographicCounts(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<DemographicCountRow[]> {
  const { rows } = await sql<DemographicCountRow>`
    select tool, 'age_band' as field, age_band as value, gender, count(*)::int as n from responses
      where fiscal_year = ${fiscalYear} and agency_code = ${agencyCode} group by tool, age_band, gender
    union all
    select tool, 'education', education, gender, count(*)::int from responses
      where fiscal_year = ${fiscalYear} and agency_code = ${agencyCode} group by tool, education, gender
    union all
    select tool, 'contact_type', contact_type, gender, count(*)::int from responses
      where fiscal_year = ${fiscalYear} and agency_code = ${agencyCode} and tool = 'EIT'
      group by tool, contact_type, gender`.execute(db);
  return rows;
}

/** Whether the agency's OIT of the year is confirmed (oit.repository's confirmedOitAgencies). */
export async function isOitConfirmed(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<boolean> {
  return (await confirmedOitAgencies(db, fiscalYear, [agencyCode])).has(agencyCode);
}

/** The most recent published year, or undefined. */
export async function latestPublishedYear(db: Db): Promise<number | undefined> {
  const r = await db
    .selectFrom('assessment_years')
    .select('fiscal_year')
    .where('published_at', 'is not', null)
    .orderBy('fiscal_year', 'desc')
    .executeTakeFirst();
  return r?.fiscal_year;
}

/** Sets or clears publication with its announcement texts. */
export async function savePublication(
  db: Db,
  fiscalYear: number,
  values: {
    publishedAt: Date | null;
    announcementTh: string | null;
    announcementEn: string | null;
  },
): Promise<void> {
  await db
    .updateTable('assessment_years')
    .set({
      published_at: values.publishedAt,
      announcement_th: values.announcementTh,
      announcement_en: values.announcementEn,
    })
    .where('fiscal_year', '=', fiscalYear)
    .execute();
}

/**
 * A cheap fingerprint of everything the year-wide pages are computed from (this year's cards,
 * last year's cards, publication and imported results, agency names, the year's framework): when it is unchanged, so are they.
 */
export async function resultsFingerprint(db: Db, fiscalYear: number): Promise<string> {
  const { rows } = await sql<{ f: string }>`select concat_ws('|',
      (select count(*) from score_cards where fiscal_year = ${fiscalYear}),
      (select max(computed_at) from score_cards where fiscal_year = ${fiscalYear}),
      (select count(*) from score_cards where fiscal_year = ${fiscalYear - 1}),
      (select max(computed_at) from score_cards where fiscal_year = ${fiscalYear - 1}),
      (select count(*) from past_results where fiscal_year = ${fiscalYear - 1}),
      (select max(imported_at) from past_results where fiscal_year = ${fiscalYear - 1}),
      (select published_at from assessment_years where fiscal_year = ${fiscalYear - 1}),
      (select framework_id from assessment_years where fiscal_year = ${fiscalYear}),
      (select count(*) from agencies),
      (select max(updated_at) from agencies)) as f`.execute(db);
  return rows[0]?.f ?? '';
}
