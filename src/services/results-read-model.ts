// The one results read model: every year-wide read of score cards — the results pages, the API,
// the CLI exports, the open data and the publication preview — goes through here, so the same
// question gives the same figures, ranks and "last year" everywhere. Every read passes the
// publication rule of domain/publication.ts; a year the actor may not see is absent (undefined).
import type { Actor } from '../domain/actor.ts';
import type { Framework } from '../domain/framework/schema.ts';
import { canSeeYearResults } from '../domain/publication.ts';
import { toResultObject, type ResultObject } from '../domain/result-export.ts';
import {
  rankAgenciesInScope,
  rankProvinces,
  refineAgencies,
  refineProvinces,
  type AgencyRankingRow,
  type ProvinceRankingRow,
  type RankingQuery,
} from '../domain/reports/ranking-view.ts';
import {
  provinceScores,
  summarizeByType,
  summarizeNational,
  type ProvinceScore,
  type Summary,
  type TypeSummary,
} from '../domain/scoring/index.ts';
import { compareThai } from '../i18n/format.ts';
import {
  latestPublishedYear,
  loadResultRows,
  loadYearOveralls,
  resultsFingerprint,
  type ResultRow,
} from '../storage/report.repository.ts';
import { streamScoreCards, type CardFilter } from '../storage/score-card.repository.ts';
import { listYears, type YearRow } from '../storage/year.repository.ts';
import { loadYearResults } from '../storage/year-results.repository.ts';
import type { AssessmentYear, YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

export type { CardFilter, YearRow };

export interface YearResults {
  year: YearRow;
  framework: Framework;
}

export interface SummaryView extends YearResults {
  national: Summary;
  byType: TypeSummary[];
  /** Provinces with results this year (what "all agencies" covers), in Thai order. */
  provinces: string[];
}

export type RankingsView = YearResults & {
  query: RankingQuery;
  types: string[];
  provinces: string[];
  /** Agencies with a score card this year (what the ranks are among). */
  agencies: number;
} & (
    | { kind: 'agencies'; rows: AgencyRankingRow[] }
    | { kind: 'provinces'; rows: ProvinceRankingRow[] }
  );

export interface HomeView extends YearResults {
  national: Summary;
  provinces: ProvinceScore[];
}

/** Which agencies a ranking is among: '' is any. The ranks are those within it. */
export interface RankingScope {
  type: string;
  province: string;
}

/** Rank order, nothing filtered: what a ranking is before a page's search and sort. */
export const WHOLE_RANKING: RankingQuery = {
  scope: 'national',
  type: '',
  province: '',
  q: '',
  level: '',
  passed: '',
  sort: 'rank',
};

const toResult = (r: ResultRow) => ({
  agencyCode: r.agencyCode,
  type: r.type,
  province: r.province,
  overall: r.overall,
  level: r.level,
  passed: r.passed,
  indicators: r.indicators,
  respondents: r.respondents,
  belowMinimum: r.belowMinimum,
});

export function createResultsReadModel({
  db,
  years,
}: Pick<ServiceContext, 'db'> & { years: YearService }) {
  const asView = ({ framework, ...year }: AssessmentYear): YearResults => ({ year, framework });

  async function yearFor(fiscalYear: number): Promise<YearResults | undefined> {
    if (!Number.isInteger(fiscalYear)) return undefined;
    const y = await years.find(fiscalYear);
    return y && asView(y);
  }

  async function visibleYear(actor: Actor, fiscalYear: number) {
    const y = await yearFor(fiscalYear);
    return y && canSeeYearResults(actor, y.year) ? y : undefined;
  }

  // Year-wide figures (8,303 agencies nationally) are computed once per change of their inputs:
  // a fingerprint query decides whether the memo is still current, so results are never stale.
  const memo = new Map<string, { fingerprint: string; value: Promise<unknown> }>();
  async function memoized<T>(
    key: string,
    fingerprint: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    const hit = memo.get(key);
    if (hit && hit.fingerprint === fingerprint) return hit.value as Promise<T>;
    if (memo.size >= 64) memo.clear();
    const value = compute();
    memo.set(key, { fingerprint, value });
    value.catch(() => memo.delete(key));
    return value;
  }

  const yearRows = (fiscalYear: number, fp: string, detail: boolean) =>
    memoized(`rows:${fiscalYear}:${detail}`, fp, () => loadResultRows(db, fiscalYear, { detail }));

  /** National, per-type and per-province figures of a year. */
  async function yearFigures({ year, framework }: YearResults) {
    const fp = await resultsFingerprint(db, year.fiscalYear);
    return memoized(`figures:${year.fiscalYear}`, fp, async () => {
      const results = (await yearRows(year.fiscalYear, fp, true)).map(toResult);
      return {
        national: summarizeNational(framework, results),
        byType: summarizeByType(framework, results),
        provinces: provinceScores(results),
      };
    });
  }

  /** This year's rows, "last year" by the one rule (loadYearOveralls), and the scopes' lists. */
  async function rankingBase(fiscalYear: number) {
    const fp = await resultsFingerprint(db, fiscalYear);
    const base = await memoized(`rank-base:${fiscalYear}`, fp, async () => {
      const [rows, last] = await Promise.all([
        yearRows(fiscalYear, fp, false),
        loadYearOveralls(db, fiscalYear - 1),
      ]);
      const types = [...new Set(rows.map((r) => r.type))].sort();
      const provinces = [...new Set(rows.flatMap((r) => (r.province ? [r.province] : [])))].sort(
        compareThai,
      );
      return { rows, last, types, provinces };
    });
    return { fp, ...base };
  }

  /** The agencies of a scope in rank order, with last year's score and rank in that scope. */
  function rankScope(
    fiscalYear: number,
    base: Awaited<ReturnType<typeof rankingBase>>,
    scope: RankingScope,
  ): Promise<AgencyRankingRow[]> {
    return memoized(`rank:${fiscalYear}:${scope.type}:${scope.province}`, base.fp, async () => {
      const rows = base.rows.filter(
        (r) =>
          (!scope.type || r.type === scope.type) &&
          (!scope.province || r.province === scope.province),
      );
      return rankAgenciesInScope(rows, base.last, WHOLE_RANKING, compareThai);
    });
  }

  /** Export objects (docs/formats.md) a page of 1,000 cards at a time, in agency-code order. */
  async function* streamResults(
    y: AssessmentYear,
    filter: CardFilter = {},
  ): AsyncGenerator<ResultObject[]> {
    for await (const page of streamScoreCards(db, y.fiscalYear, filter))
      yield page.map((s) => toResultObject(y.framework, y.fiscalYear, s));
  }

  return {
    /** The year with its framework when the actor may see its year-wide results. */
    visibleYear: async (actor: Actor, fiscalYear: number): Promise<AssessmentYear | undefined> => {
      const y = await visibleYear(actor, fiscalYear);
      return y && { ...y.year, framework: y.framework };
    },

    yearFor,

    streamResults,

    summary: async (actor: Actor, fiscalYear: number): Promise<SummaryView | undefined> => {
      const y = await visibleYear(actor, fiscalYear);
      if (!y) return undefined;
      const figures = await yearFigures(y);
      return {
        ...y,
        national: figures.national,
        byType: figures.byType,
        provinces: figures.provinces.map((p) => p.province).sort(compareThai),
      };
    },

    /** A scope's ranking in rank order (the API and the CLI export). */
    rankingRows: async (
      actor: Actor,
      fiscalYear: number,
      scope: RankingScope,
    ): Promise<AgencyRankingRow[] | undefined> => {
      if (!(await visibleYear(actor, fiscalYear))) return undefined;
      return rankScope(fiscalYear, await rankingBase(fiscalYear), scope);
    },

    /** The rankings page: a scope's ranking, then its search, filters and sort. */
    rankings: async (
      actor: Actor,
      fiscalYear: number,
      query: RankingQuery,
    ): Promise<RankingsView | undefined> => {
      const y = await visibleYear(actor, fiscalYear);
      if (!y) return undefined;
      const base = await rankingBase(fiscalYear);
      const { types, provinces } = base;
      const q: RankingQuery = {
        ...query,
        type: query.type || (query.scope === 'type' ? (types[0] ?? '') : ''),
        province: query.province || (query.scope === 'province' ? (provinces[0] ?? '') : ''),
      };
      const common = { ...y, query: q, types, provinces, agencies: base.rows.length };
      if (q.scope === 'provinces') {
        const ranked = await memoized(`rank-provinces:${fiscalYear}`, base.fp, async () =>
          rankProvinces(base.rows, base.last, WHOLE_RANKING, compareThai),
        );
        return { ...common, kind: 'provinces', rows: refineProvinces(ranked, q, compareThai) };
      }
      // Ranks depend only on the scope: search, filters and sort run over the memoized ranking.
      const ranked = await rankScope(fiscalYear, base, {
        type: q.scope === 'type' ? q.type : '',
        province: q.scope === 'province' ? q.province : '',
      });
      return { ...common, kind: 'agencies', rows: refineAgencies(ranked, q, compareThai) };
    },

    /** The latest published year's national figures for the public home page. */
    home: async (): Promise<HomeView | undefined> => {
      const latest = await latestPublishedYear(db);
      const y = latest === undefined ? undefined : await yearFor(latest);
      if (!y) return undefined;
      const figures = await yearFigures(y);
      return { ...y, national: figures.national, provinces: figures.provinces };
    },

    /** Whether year-wide results (summary, rankings, national downloads) are visible. */
    canSeeYear: async (actor: Actor, fiscalYear: number): Promise<boolean> => {
      return (await visibleYear(actor, fiscalYear)) !== undefined;
    },

    latestPublishedYear: (): Promise<number | undefined> => latestPublishedYear(db),
    /** Every agency's published result of a year: its card once published, else the imported one. */
    publishedYearResults: (fiscalYear: number) => loadYearResults(db, fiscalYear, true),

    /** Years the actor may read results of (published ones, or every year for the NACC). */
    visibleYears: async (actor: Actor): Promise<YearRow[]> => {
      return (await listYears(db)).filter((y) => canSeeYearResults(actor, y));
    },

    /** The visible years with their frameworks (shipped or imported), for the open-data page. */
    visibleYearResults: async (actor: Actor): Promise<YearResults[]> => {
      const out: YearResults[] = [];
      for (const row of await listYears(db)) {
        if (!canSeeYearResults(actor, row)) continue;
        const y = await yearFor(row.fiscalYear);
        if (y) out.push(y);
      }
      return out;
    },

    year: async (fiscalYear: number): Promise<YearRow | undefined> => {
      return (await yearFor(fiscalYear))?.year;
    },
  };
}

export type ResultsReadModel = ReturnType<typeof createResultsReadModel>;
