// Stored score cards (one per agency and year) and the reads that reports and exports stream.
import { sql } from 'kysely';
import type { ScoreCard } from '../domain/scoring/types.ts';
import type { Db } from './database.ts';

/**
 * Upserts cards in one statement. Idempotent: a row whose figures are unchanged is not
 * rewritten (its computed_at stays), so recomputing the same inputs leaves the same row.
 * The cards travel as one JSON document (`jsonb_to_recordset`), not as sixteen arrays: node-pg
 * escapes every character of an array's JSON texts, which cost a national compute more than
 * its scoring. Numbers keep full precision: JSON writes each double's shortest exact form, as
 * node-pg did, and float8 reads it back the same.
 */
export async function upsertScoreCards(
  db: Db,
  fiscalYear: number,
  cards: { agencyCode: string; card: ScoreCard }[],
): Promise<void> {
  if (cards.length === 0) return;
  const rows = JSON.stringify(
    cards.map(({ agencyCode, card: c }) => ({
      agency: agencyCode,
      framework: c.frameworkId,
      overall: c.overall,
      level: c.level,
      passed: c.passed,
      iit: c.tools.IIT,
      eit: c.tools.EIT,
      oit: c.tools.OIT,
      tools: c.tools,
      indicators: c.indicators,
      sub_indicators: c.subIndicators,
      questions: c.questions,
      sub_items: c.subItems,
      missing: c.missing,
      respondents: c.respondents,
      sample: c.sample,
    })),
  );
  await sql`insert into score_cards (fiscal_year, agency_code, framework_id, overall, level, passed,
      iit, eit, oit, tools, indicators, sub_indicators, questions, sub_items, missing, respondents,
      sample)
    select ${fiscalYear}::int, r.agency, r.framework, r.overall, r.level, r.passed, r.iit, r.eit,
      r.oit, r.tools, r.indicators, r.sub_indicators, r.questions, r.sub_items, r.missing,
      r.respondents, r.sample
    from jsonb_to_recordset(${rows}::jsonb) as r(agency text, framework text, overall float8,
      level text, passed boolean, iit float8, eit float8, oit float8, tools jsonb,
      indicators jsonb, sub_indicators jsonb, questions jsonb, sub_items jsonb, missing jsonb,
      respondents jsonb, sample jsonb)
    on conflict (fiscal_year, agency_code) do update set
      framework_id = excluded.framework_id, overall = excluded.overall, level = excluded.level,
      passed = excluded.passed, iit = excluded.iit, eit = excluded.eit, oit = excluded.oit,
      tools = excluded.tools, indicators = excluded.indicators,
      sub_indicators = excluded.sub_indicators, questions = excluded.questions,
      sub_items = excluded.sub_items, missing = excluded.missing,
      respondents = excluded.respondents, sample = excluded.sample, computed_at = now()
    where (score_cards.framework_id, score_cards.overall, score_cards.level, score_cards.passed,
        score_cards.iit, score_cards.eit, score_cards.oit, score_cards.sub_items,
        score_cards.sub_indicators, score_cards.missing, score_cards.respondents,
        score_cards.sample)
      is distinct from (excluded.framework_id, excluded.overall, excluded.level, excluded.passed,
        excluded.iit, excluded.eit, excluded.oit, excluded.sub_items, excluded.sub_indicators,
        excluded.missing, excluded.respondents, excluded.sample)`.execute(db);
}

export interface StoredCard {
  agencyCode: string;
  nameTh: string;
  nameEn: string | null;
  type: string;
  province: string | null;
  district: string | null;
  staffCount: number | null;
  card: ScoreCard;
  computedAt: Date;
}

export interface CardFilter {
  agencyCode?: string;
  type?: string;
  province?: string;
}

type CardRow = {
  agency_code: string;
  name_th: string;
  name_en: string | null;
  type: string;
  province: string | null;
  district: string | null;
  staff_count: number | null;
  framework_id: string;
  overall: number | null;
  level: string | null;
  passed: boolean | null;
  tools: ScoreCard['tools'];
  indicators: ScoreCard['indicators'];
  sub_indicators: ScoreCard['subIndicators'];
  questions: ScoreCard['questions'];
  sub_items: ScoreCard['subItems'];
  missing: ScoreCard['missing'];
  respondents: ScoreCard['respondents'];
  sample: Partial<ScoreCard['sample']>;
  computed_at: Date;
};

const toStored = (r: CardRow): StoredCard => ({
  agencyCode: r.agency_code,
  nameTh: r.name_th,
  nameEn: r.name_en,
  type: r.type,
  province: r.province,
  district: r.district,
  staffCount: r.staff_count,
  computedAt: r.computed_at,
  card: {
    frameworkId: r.framework_id,
    overall: r.overall,
    level: r.level,
    passed: r.passed,
    tools: r.tools,
    indicators: r.indicators,
    subIndicators: r.sub_indicators,
    questions: r.questions,
    subItems: r.sub_items,
    missing: r.missing,
    respondents: r.respondents,
    sample: storedSample(r.sample),
  },
});

const UNKNOWN: ScoreCard['sample']['IIT'] = { minimum: null, below: null };
/** The stored sample, or "minimum unknown" for a card computed before it was kept. */
export const storedSample = (s: Partial<ScoreCard['sample']> | null): ScoreCard['sample'] => ({
  IIT: s?.IIT ?? UNKNOWN,
  EIT: s?.EIT ?? UNKNOWN,
});

/**
 * Cards of the year in agency-code order, a page at a time (keyset pagination), so an export
 * of every agency holds one page in memory. `detail: false` skips questions and sub-items.
 */
export async function* streamScoreCards(
  db: Db,
  fiscalYear: number,
  filter: CardFilter = {},
  opts: { pageSize?: number; detail?: boolean } = {},
): AsyncGenerator<StoredCard[]> {
  const pageSize = opts.pageSize ?? 1000;
  const detail = opts.detail ?? false;
  let after = '';
  for (;;) {
    const { rows } = await sql<CardRow>`
      select s.agency_code, a.name_th, a.name_en, a.type, a.province, a.district, a.staff_count,
        s.framework_id, s.overall, s.level, s.passed, s.tools, s.indicators, s.sub_indicators,
        ${detail ? sql`s.questions, s.sub_items` : sql`'{}'::jsonb as questions, '{}'::jsonb as sub_items`},
        s.missing, s.respondents, s.sample, s.computed_at
      from score_cards s join agencies a on a.code = s.agency_code
      where s.fiscal_year = ${fiscalYear} and s.agency_code > ${after}
        ${filter.agencyCode ? sql`and s.agency_code = ${filter.agencyCode}` : sql``}
        ${filter.type ? sql`and a.type = ${filter.type}` : sql``}
        ${filter.province ? sql`and a.province = ${filter.province}` : sql``}
      order by s.agency_code limit ${pageSize}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map(toStored);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.agency_code;
  }
}

/** One agency's full card, or undefined. */
export async function findScoreCard(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<StoredCard | undefined> {
  for await (const page of streamScoreCards(db, fiscalYear, { agencyCode }, { detail: true }))
    return page[0];
  return undefined;
}

/** How many cards the year has (and how many have an overall score). */
export async function countScoreCards(
  db: Db,
  fiscalYear: number,
): Promise<{ cards: number; scored: number }> {
  const { rows } = await sql<{ cards: number; scored: number }>`
    select count(*)::int as cards, count(overall)::int as scored from score_cards
    where fiscal_year = ${fiscalYear}`.execute(db);
  return rows[0] ?? { cards: 0, scored: 0 };
}

/** Whether the agency has a card for the year. */
/** Which of these agencies already have a score card for the year. */
export async function agenciesWithScoreCards(
  db: Db,
  fiscalYear: number,
  agencyCodes: readonly string[],
): Promise<Set<string>> {
  if (agencyCodes.length === 0) return new Set();
  const rows = await db
    .selectFrom('score_cards')
    .select('agency_code')
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', 'in', agencyCodes)
    .execute();
  return new Set(rows.map((r) => r.agency_code));
}
