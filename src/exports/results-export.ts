// The tables of `itas export results | summary | rankings` and the API: columns and rows.
import type { Framework } from '../domain/framework/schema.ts';
import { publishedDigitsOrNull } from '../domain/scoring/rounding.ts';
import type { ResultObject } from '../domain/result-export.ts';
import type { TypeSummary } from '../domain/scoring/rollups.ts';
import type { AgencyRankingRow as RankingRow } from '../domain/reports/ranking-view.ts';
import type { StreamTable } from './stream-export.ts';

export function resultsTable(framework: Framework): StreamTable<ResultObject> {
  const indicators = framework.indicators.map((i) => i.code);
  return {
    name: 'results',
    columns: [
      { key: 'agency_code', header: 'agency_code' },
      { key: 'name_th', header: 'name_th' },
      { key: 'type', header: 'type' },
      { key: 'province', header: 'province' },
      { key: 'fiscal_year', header: 'fiscal_year' },
      { key: 'overall', header: 'overall', decimals: true },
      { key: 'level', header: 'level' },
      { key: 'passed', header: 'passed' },
      { key: 'IIT', header: 'IIT', decimals: true },
      { key: 'EIT', header: 'EIT', decimals: true },
      { key: 'OIT', header: 'OIT', decimals: true },
      ...indicators.map((c) => ({ key: `i${c}`, header: `indicator_${c}`, decimals: true })),
      { key: 'respondents_IIT', header: 'respondents_IIT' },
      { key: 'respondents_EIT', header: 'respondents_EIT' },
      { key: 'missing', header: 'missing' },
      { key: 'minimum_IIT', header: 'minimum_IIT' },
      { key: 'minimum_EIT', header: 'minimum_EIT' },
      { key: 'below_minimum', header: 'below_minimum' },
    ],
    row: (r) => ({
      agency_code: r.agency_code,
      name_th: r.name_th,
      type: r.type,
      province: r.province,
      fiscal_year: r.fiscal_year,
      overall: r.overall,
      level: r.level,
      passed: r.passed,
      IIT: r.tools.IIT,
      EIT: r.tools.EIT,
      OIT: r.tools.OIT,
      ...Object.fromEntries(indicators.map((c) => [`i${c}`, r.indicators[c] ?? null])),
      respondents_IIT: r.respondents.IIT,
      respondents_EIT: r.respondents.EIT,
      missing: r.missing.join(' '),
      minimum_IIT: r.minimum_sample.IIT,
      minimum_EIT: r.minimum_sample.EIT,
      below_minimum: r.below_minimum.join(' '),
    }),
    json: (r) => r,
  };
}

export function summaryTable(framework: Framework): StreamTable<TypeSummary> {
  const indicators = framework.indicators.map((i) => i.code);
  const levels = framework.levels.map((l) => l.code);
  return {
    name: 'summary',
    columns: [
      { key: 'type', header: 'type' },
      { key: 'agencies', header: 'agencies' },
      { key: 'assessed', header: 'assessed' },
      { key: 'respondents_IIT', header: 'respondents_IIT' },
      { key: 'respondents_EIT', header: 'respondents_EIT' },
      { key: 'mean_overall', header: 'mean_overall', decimals: true },
      ...indicators.map((c) => ({ key: `i${c}`, header: `mean_indicator_${c}`, decimals: true })),
      ...levels.flatMap((l) => [
        { key: `n_${l}`, header: `level_${l}` },
        { key: `s_${l}`, header: `level_${l}_share`, decimals: true },
      ]),
      { key: 'passing', header: 'passing' },
      { key: 'passing_share', header: 'passing_share', decimals: true },
      { key: 'below_minimum', header: 'below_minimum' },
    ],
    row: (s) => ({
      type: s.type,
      agencies: s.agencies,
      assessed: s.assessed,
      respondents_IIT: s.respondents.IIT,
      respondents_EIT: s.respondents.EIT,
      mean_overall: s.meanOverall,
      ...Object.fromEntries(indicators.map((c) => [`i${c}`, s.indicatorMeans[c] ?? null])),
      ...Object.fromEntries(
        levels.flatMap((l) => [
          [`n_${l}`, s.levels[l]?.count ?? 0],
          [`s_${l}`, (s.levels[l]?.share ?? 0) * 100],
        ]),
      ),
      passing: s.passing.count,
      passing_share: s.passing.share * 100,
      below_minimum: s.belowMinimum,
    }),
    json: (s) => s,
  };
}

export function rankingsTable(): StreamTable<RankingRow> {
  return {
    name: 'rankings',
    columns: [
      { key: 'rank', header: 'rank' },
      { key: 'agency_code', header: 'agency_code' },
      { key: 'name_th', header: 'name_th' },
      { key: 'type', header: 'type' },
      { key: 'province', header: 'province' },
      { key: 'district', header: 'district' },
      { key: 'last_year', header: 'last_year', decimals: true },
      { key: 'overall', header: 'overall', decimals: true },
      { key: 'level', header: 'level' },
      { key: 'passed', header: 'passed' },
      { key: 'below_minimum', header: 'below_minimum' },
    ],
    row: (r) => ({
      rank: r.rank,
      agency_code: r.agencyCode,
      name_th: r.nameTh,
      type: r.type,
      province: r.province,
      district: r.district,
      last_year: r.lastYear,
      overall: r.overall,
      level: r.level,
      passed: r.passed,
      below_minimum: r.belowMinimum.join(' '),
    }),
    json: rankingJson,
  };
}

/**
 * The one JSON shape of a ranking row (CLI export and API): scores at full precision, and their
 * published digits in `overall_rounded` / `last_year_rounded`.
 */
export function rankingJson(r: RankingRow) {
  return {
    rank: r.rank,
    agency_code: r.agencyCode,
    name_th: r.nameTh,
    type: r.type,
    province: r.province,
    district: r.district,
    last_year: r.lastYear,
    overall: r.overall,
    level: r.level,
    passed: r.passed,
    below_minimum: r.belowMinimum,
    last_year_rounded: publishedDigitsOrNull(r.lastYear),
    overall_rounded: publishedDigitsOrNull(r.overall),
  };
}

/** Pages from an array (summary and rankings are small enough to hold). */
export async function* pagesOf<T>(items: T[], size = 1000): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
