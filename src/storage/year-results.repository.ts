// Every agency's result of a year, for the province's board and planner: read only through the
// one results read model (services/results-read-model.ts), like every other read of score cards.
import type { AgencyResult } from '../domain/scoring/rollups.ts';
import type { Db } from './database.ts';

/** The domain's agency result as stored or imported; which tools fell short is not read here. */
export type YearResult = Omit<AgencyResult, 'belowMinimum'>;

/**
 * Every agency's result of a year: its score card when there is one, else the imported
 * published result. `publishedOnly` leaves out score cards of a year not yet published.
 */
export async function loadYearResults(
  db: Db,
  fiscalYear: number,
  publishedOnly: boolean,
): Promise<YearResult[]> {
  const year = await db
    .selectFrom('assessment_years')
    .select(['published_at'])
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  const cardsVisible = !publishedOnly || (year?.published_at ?? null) !== null;
  const cards = cardsVisible
    ? await db
        .selectFrom('score_cards as s')
        .innerJoin('agencies as a', 'a.code', 's.agency_code')
        .select([
          's.agency_code',
          'a.type',
          'a.province',
          's.overall',
          's.level',
          's.passed',
          's.indicators',
          's.respondents',
        ])
        .where('s.fiscal_year', '=', fiscalYear)
        .execute()
    : [];
  const byCode = new Map<string, YearResult>();
  for (const c of cards)
    byCode.set(c.agency_code, {
      agencyCode: c.agency_code,
      type: c.type,
      province: c.province,
      overall: c.overall,
      level: c.level,
      passed: c.passed,
      indicators: c.indicators,
      respondents: c.respondents,
    });
  const past = await db
    .selectFrom('past_results as p')
    .innerJoin('agencies as a', 'a.code', 'p.agency_code')
    .select(['p.agency_code', 'a.type', 'a.province', 'p.overall', 'p.level'])
    .where('p.fiscal_year', '=', fiscalYear)
    .execute();
  for (const p of past)
    if (!byCode.has(p.agency_code))
      byCode.set(p.agency_code, {
        agencyCode: p.agency_code,
        type: p.type,
        province: p.province,
        overall: p.overall,
        level: p.level,
        passed: p.overall >= 85,
        indicators: {},
        respondents: { IIT: 0, EIT: 0 },
      });
  return [...byCode.values()];
}
