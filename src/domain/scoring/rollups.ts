// Roll-ups of per-agency results the NACC publishes: per type, national, rankings, provinces,
// and last year's scores. Plain arrays in, plain objects out, so they work in memory or over SQL rows.
import type { Framework, SurveyTool } from '../framework/schema.ts';
import { published, publishedChange } from './rounding.ts';

/** One agency's result for a year, as stored or imported (overall null = not fully assessed). */
export interface AgencyResult {
  agencyCode: string;
  /** Agency type code, e.g. 'province', 'sao'. */
  type: string;
  /** Province name (Thai) or null for central agencies. */
  province: string | null;
  overall: number | null;
  level: string | null;
  passed: boolean | null;
  /** Indicator code → score. */
  indicators: Record<string, number | null>;
  respondents: { IIT: number; EIT: number };
  /** Survey tools below the minimum sample; absent or [] when none (or not known). */
  belowMinimum?: readonly SurveyTool[];
}

export interface CountShare {
  count: number;
  /** count ÷ assessed agencies (0 when none were assessed). */
  share: number;
}

export interface Summary {
  /** All agencies in the group. */
  agencies: number;
  /** Those with an overall score (the denominators of the shares and means). */
  assessed: number;
  respondents: { IIT: number; EIT: number };
  meanOverall: number | null;
  /** Indicator code → mean over agencies with that indicator scored. */
  indicatorMeans: Record<string, number | null>;
  /** Level code → count and share, every level of the framework listed (zeros included). */
  levels: Record<string, CountShare>;
  passing: CountShare;
  /** Whether the share passing reaches the framework's national target (80 % in 2563). */
  meetsNationalTarget: boolean;
  /** Agencies with a survey tool below the minimum sample (scored and marked, 2563's rule). */
  belowMinimum: number;
}

export interface TypeSummary extends Summary {
  type: string;
}

const meanOf = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

const isScored = (r: AgencyResult): r is AgencyResult & { overall: number } =>
  r.overall !== null && Number.isFinite(r.overall);

/** Summary of any group of agencies (a type, a province, the nation). */
export function summarize(framework: Framework, results: readonly AgencyResult[]): Summary {
  const scored = results.filter(isScored);
  const share = (count: number): CountShare => ({
    count,
    share: scored.length === 0 ? 0 : count / scored.length,
  });
  const indicatorMeans: Record<string, number | null> = {};
  for (const ind of framework.indicators) {
    const values = results
      .map((r) => r.indicators[ind.code])
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    indicatorMeans[ind.code] = meanOf(values);
  }
  const levels: Record<string, CountShare> = {};
  for (const level of framework.levels) {
    levels[level.code] = share(scored.filter((r) => r.level === level.code).length);
  }
  const passing = share(scored.filter((r) => r.passed === true).length);
  return {
    agencies: results.length,
    assessed: scored.length,
    respondents: {
      IIT: results.reduce((n, r) => n + r.respondents.IIT, 0),
      EIT: results.reduce((n, r) => n + r.respondents.EIT, 0),
    },
    meanOverall: meanOf(scored.map((r) => r.overall)),
    indicatorMeans,
    levels,
    passing,
    meetsNationalTarget: scored.length > 0 && passing.share >= framework.nationalTargetShare,
    belowMinimum: results.filter((r) => (r.belowMinimum?.length ?? 0) > 0).length,
  };
}

/** One summary per agency type, types in code order. */
export function summarizeByType(
  framework: Framework,
  results: readonly AgencyResult[],
): TypeSummary[] {
  const groups = groupBy(results, (r) => r.type);
  return [...groups.keys()]
    .sort(compareCodes)
    .map((type) => ({ type, ...summarize(framework, groups.get(type)!) }));
}

/** The national summary: every agency of the year. */
export function summarizeNational(framework: Framework, results: readonly AgencyResult[]): Summary {
  return summarize(framework, results);
}

export type Ranked<T> = T & { rank: number };

/**
 * Ranks by the published (2-decimal) overall score, best first: agencies printed with the same
 * figure share a rank and the next rank skips (1, 2, 2, 4), so a reader never sees two equal
 * scores with different ranks. Agencies without a score are left out. Ties are listed by agency
 * code so the order is deterministic.
 */
export function rankAgencies<T extends Pick<AgencyResult, 'agencyCode' | 'overall'>>(
  results: readonly T[],
): Ranked<T & { overall: number }>[] {
  const scored = results.filter(
    (r): r is T & { overall: number } => r.overall !== null && Number.isFinite(r.overall),
  );
  const shown = new Map(scored.map((r) => [r, published(r.overall)]));
  scored.sort((a, b) => shown.get(b)! - shown.get(a)! || compareCodes(a.agencyCode, b.agencyCode));
  return withRanks(scored, (r) => shown.get(r)!);
}

export interface ProvinceScore {
  province: string;
  /** Agencies of the province in the input. */
  agencies: number;
  /** Those with an overall score: the mean is over these. */
  assessed: number;
  /** Plain mean of the assessed agencies' overall scores (null if none). */
  score: number | null;
  /** Rank among provinces with a score (equal published scores share a rank); null without one. */
  rank: number | null;
}

/**
 * Per province ("ประเภทรายจังหวัด"): the plain mean of the overall scores of all its assessed
 * agencies, and the rank among provinces. Agencies without a province are left out.
 * Provinces are listed by rank, then name (code-point order; sort for display with compareThai).
 */
export function provinceScores(results: readonly AgencyResult[]): ProvinceScore[] {
  const groups = groupBy(
    results.filter((r) => r.province !== null && r.province !== ''),
    (r) => r.province!,
  );
  const rows = [...groups.entries()].map(([province, members]) => {
    const scored = members.filter(isScored);
    return {
      province,
      agencies: members.length,
      assessed: scored.length,
      score: meanOf(scored.map((r) => r.overall)),
    };
  });
  const withScore = rows
    .filter((r): r is typeof r & { score: number } => r.score !== null)
    .sort(
      (a, b) => published(b.score) - published(a.score) || compareCodes(a.province, b.province),
    );
  const ranked: ProvinceScore[] = withRanks(withScore, (r) => published(r.score));
  const unscored = rows
    .filter((r) => r.score === null)
    .sort((a, b) => compareCodes(a.province, b.province))
    .map((r) => ({ ...r, rank: null }));
  return [...ranked, ...unscored];
}

export interface PastResult {
  agencyCode: string;
  overall: number | null;
}

/**
 * Adds last year's overall score (null when unknown) and the change since, matched by agency code.
 * The change is between the published figures (rounding.ts), as a reader would subtract them.
 */
export function withLastYear<T extends Pick<AgencyResult, 'agencyCode' | 'overall'>>(
  current: readonly T[],
  past: readonly PastResult[],
): (T & { lastYear: number | null; change: number | null })[] {
  const byCode = new Map(past.map((p) => [p.agencyCode, p.overall]));
  return current.map((r) => {
    const lastYear = byCode.get(r.agencyCode) ?? null;
    const change = publishedChange(r.overall, lastYear);
    return { ...r, lastYear, change };
  });
}

/** Assigns competition ranks to a list already sorted best first. */
function withRanks<T>(sorted: readonly T[], score: (row: T) => number): Ranked<T>[] {
  const out: Ranked<T>[] = [];
  sorted.forEach((row, i) => {
    const prev = out[i - 1];
    const rank = prev && score(sorted[i - 1]!) === score(row) ? prev.rank : i + 1;
    out.push({ ...row, rank });
  });
  return out;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Locale-independent order for codes and keys (identical on every machine and engine). */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
