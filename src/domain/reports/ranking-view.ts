// What a rankings page shows: the scope (national, a type, a province, provinces), this year's and
// last year's ranks side by side, then filter, search and sort. Ranks come from the scorer's rankAgencies.
import type { SurveyTool } from '../framework/schema.ts';
import {
  provinceScores,
  publishedChange,
  rankAgencies,
  withLastYear,
  type AgencyResult,
} from '../scoring/index.ts';

export const RANKING_SCOPES = ['national', 'type', 'province', 'provinces'] as const;
export type RankingScope = (typeof RANKING_SCOPES)[number];
export const RANKING_SORTS = ['rank', 'name', 'last', 'change'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export interface RankingQuery {
  scope: RankingScope;
  /** Agency type (scope 'type'; a filter in 'national'). */
  type: string;
  /** Province (scope 'province'; a filter in 'national' and 'type'). */
  province: string;
  q: string;
  level: string;
  /** '' any, 'yes' passed, 'no' not passed. */
  passed: '' | 'yes' | 'no';
  sort: RankingSort;
}

export interface RankingAgency {
  agencyCode: string;
  nameTh: string;
  nameEn: string | null;
  type: string;
  province: string | null;
  district: string | null;
  overall: number | null;
  level: string | null;
  passed: boolean | null;
  /** Survey tools whose respondents fell below the year's minimum sample (marked, still ranked). */
  belowMinimum: SurveyTool[];
}

export interface AgencyRankingRow extends RankingAgency {
  rank: number;
  overall: number;
  lastYear: number | null;
  lastRank: number | null;
  change: number | null;
}

export interface ProvinceRankingRow {
  rank: number | null;
  province: string;
  agencies: number;
  assessed: number;
  score: number | null;
  lastYear: number | null;
  lastRank: number | null;
  change: number | null;
}

const asResult = (r: {
  agencyCode: string;
  type: string;
  province: string | null;
  overall: number | null;
}): AgencyResult => ({
  agencyCode: r.agencyCode,
  type: r.type,
  province: r.province,
  overall: r.overall,
  level: null,
  passed: null,
  indicators: {},
  respondents: { IIT: 0, EIT: 0 },
});

/** Agencies in the scope, ranked this year, with last year's score and rank in the same scope. */
export function rankAgenciesInScope(
  rows: readonly RankingAgency[],
  lastYear: readonly { agencyCode: string; overall: number | null }[],
  query: RankingQuery,
  compareNames: (a: string, b: string) => number,
): AgencyRankingRow[] {
  const inScope = rows.filter(
    (r) =>
      (query.scope !== 'type' || r.type === query.type) &&
      (query.scope !== 'province' || r.province === query.province),
  );
  const codes = new Set(inScope.map((r) => r.agencyCode));
  const lastInScope = lastYear.filter((p) => codes.has(p.agencyCode));
  const lastRanks = new Map(rankAgencies(lastInScope).map((r) => [r.agencyCode, r.rank]));
  const ranked = withLastYear(rankAgencies(inScope), lastInScope).map((r) => ({
    ...r,
    lastRank: lastRanks.get(r.agencyCode) ?? null,
  }));
  return refineAgencies(ranked, query, compareNames);
}

function sortRows(
  rows: AgencyRankingRow[],
  sort: RankingSort,
  compareNames: (a: string, b: string) => number,
): AgencyRankingRow[] {
  const nullsLast = (a: number | null, b: number | null) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a;
  switch (sort) {
    case 'name':
      return rows.sort((a, b) => compareNames(a.nameTh, b.nameTh));
    case 'last':
      return rows.sort((a, b) => nullsLast(a.lastYear, b.lastYear) || a.rank - b.rank);
    case 'change':
      return rows.sort((a, b) => nullsLast(a.change, b.change) || a.rank - b.rank);
    default:
      return rows;
  }
}

/** Provinces by the combined (mean) score of their agencies, with last year's side by side. */
export function rankProvinces(
  rows: readonly RankingAgency[],
  lastYear: readonly { agencyCode: string; overall: number | null }[],
  query: Pick<RankingQuery, 'q' | 'sort'>,
  compareNames: (a: string, b: string) => number,
): ProvinceRankingRow[] {
  const provinceOf = new Map(rows.map((r) => [r.agencyCode, r]));
  const thisYear = provinceScores(rows.map(asResult));
  const last = provinceScores(
    lastYear.flatMap((p) => {
      const a = provinceOf.get(p.agencyCode);
      return a ? [asResult({ ...a, overall: p.overall })] : [];
    }),
  );
  const lastBy = new Map(last.map((p) => [p.province, p]));
  const ranked = thisYear.map((p) => {
    const l = lastBy.get(p.province);
    const lastScore = l?.score ?? null;
    return {
      ...p,
      lastYear: lastScore,
      lastRank: l?.rank ?? null,
      change: publishedChange(p.score, lastScore),
    };
  });
  return refineProvinces(ranked, query, compareNames);
}

/** Search, filters and sort over a scope's ranking (ranks stay those of the whole scope). */
export function refineAgencies(
  ranked: readonly AgencyRankingRow[],
  query: RankingQuery,
  compareNames: (a: string, b: string) => number,
): AgencyRankingRow[] {
  const q = query.q.trim().toLowerCase();
  const filtered = ranked.filter(
    (r) =>
      (!q ||
        r.nameTh.toLowerCase().includes(q) ||
        (r.nameEn ?? '').toLowerCase().includes(q) ||
        r.agencyCode.toLowerCase() === q ||
        (r.district ?? '').includes(q)) &&
      (!query.level || r.level === query.level) &&
      (query.passed === '' || r.passed === (query.passed === 'yes')) &&
      (query.scope !== 'national' || !query.type || r.type === query.type) &&
      (query.scope === 'province' || !query.province || r.province === query.province),
  );
  return sortRows(filtered, query.sort, compareNames);
}

export function refineProvinces(
  ranked: readonly ProvinceRankingRow[],
  query: Pick<RankingQuery, 'q' | 'sort'>,
  compareNames: (a: string, b: string) => number,
): ProvinceRankingRow[] {
  const q = query.q.trim();
  const out = ranked.filter((p) => !q || p.province.includes(q));
  if (query.sort === 'name') out.sort((a, b) => compareNames(a.province, b.province));
  if (query.sort === 'last')
    out.sort(
      (a, b) => (b.lastYear ?? -1) - (a.lastYear ?? -1) || (a.rank ?? 1e9) - (b.rank ?? 1e9),
    );
  if (query.sort === 'change')
    out.sort(
      (a, b) => (b.change ?? -1e9) - (a.change ?? -1e9) || (a.rank ?? 1e9) - (b.rank ?? 1e9),
    );
  return out;
}
