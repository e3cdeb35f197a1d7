// The one serializer of a ranking (docs/formats.md "Rankings — export"): the rankings page's
// downloads, the API's JSON and `itas export rankings` all write these columns from the same
// rows of the results read model. Scores stay at full precision here; CSV and XLSX show the
// published figure, JSON adds its digits (`*_rounded`).
import type { AgencyRankingRow, ProvinceRankingRow } from '../domain/reports/ranking-view.ts';
import { publishedDigitsOrNull } from '../domain/scoring/rounding.ts';
import type { StreamTable } from './stream-export.ts';

/** The JSON object of a ranking row (API, CLI and page download alike). */
export function rankingJson(r: AgencyRankingRow) {
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
    last_rank: r.lastRank,
    change: r.change,
    change_rounded: publishedDigitsOrNull(r.change),
  };
}

export function rankingsTable(): StreamTable<AgencyRankingRow> {
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
      { key: 'last_rank', header: 'last_rank' },
      { key: 'change', header: 'change', decimals: true },
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
      last_rank: r.lastRank,
      change: r.change,
    }),
    json: rankingJson,
  };
}

/** Provinces by the mean overall score of their agencies (the rankings page, scope provinces). */
export function provinceRankingsTable(): StreamTable<ProvinceRankingRow> {
  return {
    name: 'provinces',
    columns: [
      { key: 'rank', header: 'rank' },
      { key: 'province', header: 'province' },
      { key: 'agencies', header: 'agencies' },
      { key: 'assessed', header: 'assessed' },
      { key: 'mean_overall', header: 'mean_overall', decimals: true },
      { key: 'last_year', header: 'last_year', decimals: true },
      { key: 'last_rank', header: 'last_rank' },
      { key: 'change', header: 'change', decimals: true },
    ],
    row: (r) => ({
      rank: r.rank,
      province: r.province,
      agencies: r.agencies,
      assessed: r.assessed,
      mean_overall: r.score,
      last_year: r.lastYear,
      last_rank: r.lastRank,
      change: r.change,
    }),
    json: (r) => ({
      rank: r.rank,
      province: r.province,
      agencies: r.agencies,
      assessed: r.assessed,
      mean_overall: r.score,
      last_year: r.lastYear,
      last_rank: r.lastRank,
      change: r.change,
      mean_overall_rounded: publishedDigitsOrNull(r.score),
      last_year_rounded: publishedDigitsOrNull(r.lastYear),
      change_rounded: publishedDigitsOrNull(r.change),
    }),
  };
}
