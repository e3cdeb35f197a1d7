// Stored score cards (one per agency and year) and the reads that reports and exports stream.
import { sql } from 'kysely';
import type { ScoreCard } from '../domain/scoring/types.ts';
import type { Db } from './database.ts';

/** A card's fields in the order `upsertScoreCards` sends them, each as JSON text. */
const cardFields = (agencyCode: string, c: ScoreCard) => [
  agencyCode,
  c.frameworkId,
  c.overall,
  c.level,
  c.passed,
  c.tools.IIT,
  c.tools.EIT,
  c.tools.OIT,
  c.tools,
  c.indicators,
  c.subIndicators,
  c.questions,
  c.subItems,
  c.missing,
  c.respondents,
  c.sample,
];

/**
 * Upserts cards in one statement. Idempotent: a row whose figures are unchanged is not
 * rewritten (its computed_at stays), so recomputing the same inputs leaves the same row.
 *
 * The cards travel as one text, a line per card and a tab between its fields, each field JSON
 * (which never holds a raw tab or line break), split by the database with `string_to_table`.
 * Neither JSON document (`jsonb_to_recordset` spent about 0.2 s of the database's time on 1,000
 * cards, most of it making each field's text again) nor sixteen arrays (node-pg escapes every
 * character of an array's texts) come near it. The figures are stored as `json`, the text as
 * sent, and compared as text. Numbers keep full precision: JSON writes each double's shortest
 * exact form and float8 reads it back as the same double.
 */
export async function upsertScoreCards(
  db: Db,
  fiscalYear: number,
  cards: { agencyCode: string; card: ScoreCard }[],
): Promise<void> {
  if (cards.length === 0) return;
  const text = cards
    .map(({ agencyCode, card }) =>
      cardFields(agencyCode, card)
        .map((v) => JSON.stringify(v ?? null))
        .join('\t'),
    )
    .join('\n');
  // f[n]: the card's n-th field (cardFields; a missing one sent as null); `#>> '{}'` reads a JSON
  // string as text, and a JSON null as NULL.
  await sql`insert into score_cards (fiscal_year, agency_code, framework_id, overall, level, passed,
      iit, eit, oit, tools, indicators, sub_indicators, questions, sub_items, missing, respondents,
      sample)
    select ${fiscalYear}::int, f[1]::json #>> '{}', f[2]::json #>> '{}',
      nullif(f[3], 'null')::float8, f[4]::json #>> '{}', nullif(f[5], 'null')::boolean,
      nullif(f[6], 'null')::float8, nullif(f[7], 'null')::float8, nullif(f[8], 'null')::float8,
      f[9]::json, f[10]::json, f[11]::json, f[12]::json, f[13]::json, f[14]::json, f[15]::json,
      f[16]::json
    from (select string_to_array(line, E'\t') as f
      from string_to_table(${text}::text, E'\n') as line) r
    on conflict (fiscal_year, agency_code) do update set
      framework_id = excluded.framework_id, overall = excluded.overall, level = excluded.level,
      passed = excluded.passed, iit = excluded.iit, eit = excluded.eit, oit = excluded.oit,
      tools = excluded.tools, indicators = excluded.indicators,
      sub_indicators = excluded.sub_indicators, questions = excluded.questions,
      sub_items = excluded.sub_items, missing = excluded.missing,
      respondents = excluded.respondents, sample = excluded.sample, computed_at = now()
    where (score_cards.framework_id, score_cards.overall, score_cards.level, score_cards.passed,
        score_cards.iit, score_cards.eit, score_cards.oit, score_cards.sub_items::text,
        score_cards.sub_indicators::text, score_cards.missing::text,
        score_cards.respondents::text, score_cards.sample::text)
      is distinct from (excluded.framework_id, excluded.overall, excluded.level, excluded.passed,
        excluded.iit, excluded.eit, excluded.oit, excluded.sub_items::text,
        excluded.sub_indicators::text, excluded.missing::text, excluded.respondents::text,
        excluded.sample::text)`.execute(db);
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
        ${detail ? sql`s.questions, s.sub_items` : sql`'{}'::json as questions, '{}'::json as sub_items`},
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
