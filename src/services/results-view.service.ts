// Results people read: one agency's report, summaries per type, rankings, the public home page's
// figures, and publishing a year. Every read passes the publication rule of domain/publication.ts;
// a result the actor may not see is reported as absent (the route answers 404, not a leak).
import type { Actor } from '../domain/actor.ts';
import type { Agency } from '../domain/agency.ts';
import { getFramework, type Framework } from '../domain/framework/index.ts';
import { canSeeResults, canSeeYearResults } from '../domain/publication.ts';
import { buildAgencyReport, type AgencyReport } from '../domain/reports/agency-report.ts';
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
import { publishedDigitsOrNull } from '../domain/scoring/rounding.ts';
import { explainScore, type ScoreWorking } from '../domain/scoring/working.ts';
import { compareThai } from '../i18n/format.ts';
import { findAgency } from '../storage/agency.repository.ts';
import type { Db } from '../storage/database.ts';
import { loadCurrentOit } from '../storage/oit.repository.ts';
import {
  latestPublishedYear,
  loadAgencyOverallHistory,
  loadAnswerCounts,
  loadDemographicCounts,
  loadResultRows,
  loadYearOveralls,
  resultsFingerprint,
  type ResultRow,
} from '../storage/report.repository.ts';
import { findScoreCard } from '../storage/score-card.repository.ts';
import { findYear, listYears, type YearRow } from '../storage/year.repository.ts';
import { loadScoreInputs } from './score-inputs.ts';

export type { YearRow };

export interface YearResults {
  year: YearRow;
  framework: Framework;
}

export interface AgencyReportView extends YearResults {
  agency: Agency;
  report: AgencyReport;
}

export interface CalculationView extends YearResults {
  agency: Agency;
  working: ScoreWorking;
  /**
   * Whether the working, recomputed from the stored inputs, gives the stored card's published
   * figures (overall, tools, indicators to 2 decimals, level); false means the card is stale.
   */
  matchesCard: boolean;
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

export function createResultsViewService(db: Db) {
  async function yearFor(fiscalYear: number): Promise<YearResults | undefined> {
    if (!Number.isInteger(fiscalYear)) return undefined;
    const year = await findYear(db, fiscalYear);
    const framework = year && getFramework(year.frameworkId);
    return year && framework ? { year, framework } : undefined;
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
  const yearFigures = async ({ year, framework }: YearResults) => {
    const fp = await resultsFingerprint(db, year.fiscalYear);
    return memoized(`figures:${year.fiscalYear}`, fp, async () => {
      const results = (await yearRows(year.fiscalYear, fp, true)).map(toResult);
      return {
        national: summarizeNational(framework, results),
        byType: summarizeByType(framework, results),
        provinces: provinceScores(results),
      };
    });
  };

  async function visibleYear(actor: Actor, fiscalYear: number) {
    const y = await yearFor(fiscalYear);
    return y && canSeeYearResults(actor, y.year) ? y : undefined;
  }

  return {
    /** Whether year-wide results (summary, rankings, national downloads) are visible. */
    async canSeeYear(actor: Actor, fiscalYear: number): Promise<boolean> {
      return (await visibleYear(actor, fiscalYear)) !== undefined;
    },

    async agencyReport(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
    ): Promise<AgencyReportView | undefined> {
      const [y, agency] = await Promise.all([yearFor(fiscalYear), findAgency(db, agencyCode)]);
      if (!y || !agency) return undefined;
      if (!canSeeResults(actor, y.year)) return undefined;
      const [stored, counts, oit, history, demographics] = await Promise.all([
        findScoreCard(db, fiscalYear, agency.code),
        loadAnswerCounts(db, fiscalYear, agency.code),
        loadCurrentOit(db, fiscalYear, [agency.code]),
        loadAgencyOverallHistory(db, agency.code, fiscalYear),
        loadDemographicCounts(db, fiscalYear, agency.code),
      ]);
      if (!stored) return undefined;
      const framework = getFramework(stored.card.frameworkId) ?? y.framework;
      const byTool = { IIT: new Map<number, number[]>(), EIT: new Map<number, number[]>() };
      for (const c of counts) byTool[c.tool].set(c.item, c.counts);
      const report = buildAgencyReport({
        framework,
        fiscalYear,
        card: stored.card,
        answerCounts: byTool,
        // Only confirmed reviews: a preliminary score or comment is a draft and never published
        // (an agency published by exception shows no OIT items).
        oit: oit
          .filter((o) => o.status === 'confirmed')
          .map((o) => ({ item: o.item, score: o.score, comment: o.comment })),
        trend: history.filter((h) => h.fiscalYear <= fiscalYear),
        demographics,
      });
      return { ...y, framework, agency, report };
    },

    /**
     * How an agency's score was calculated (issue 13.6): the scorer run again on the inputs the
     * card was made from (answer counts, confirmed OIT scores), laid out step by step. Visible
     * exactly when the agency's report is (published years; the NACC before).
     */
    async agencyCalculation(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
    ): Promise<CalculationView | undefined> {
      const [y, agency] = await Promise.all([yearFor(fiscalYear), findAgency(db, agencyCode)]);
      if (!y || !agency) return undefined;
      if (!canSeeResults(actor, y.year)) return undefined;
      const stored = await findScoreCard(db, fiscalYear, agency.code);
      if (!stored) return undefined;
      const framework = getFramework(stored.card.frameworkId) ?? y.framework;
      const inputs = await loadScoreInputs(db, fiscalYear, framework, [agency.code]);
      const working = explainScore(framework, inputs.get(agency.code)!);
      const digits = (c: {
        overall: number | null;
        level: string | null;
        tools: Record<string, number | null>;
        indicators: Record<string, number | null>;
      }) =>
        JSON.stringify([
          publishedDigitsOrNull(c.overall),
          c.level,
          ...(['IIT', 'EIT', 'OIT'] as const).map((t) => publishedDigitsOrNull(c.tools[t])),
          ...framework.indicators.map((i) => publishedDigitsOrNull(c.indicators[i.code])),
        ]);
      return {
        ...y,
        framework,
        agency,
        working,
        matchesCard: digits(working.card) === digits(stored.card),
      };
    },

    async summary(actor: Actor, fiscalYear: number): Promise<SummaryView | undefined> {
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

    async rankings(
      actor: Actor,
      fiscalYear: number,
      query: RankingQuery,
    ): Promise<RankingsView | undefined> {
      const y = await visibleYear(actor, fiscalYear);
      if (!y) return undefined;
      const fp = await resultsFingerprint(db, fiscalYear);
      const { rows, last, types, provinces } = await memoized(
        `rank-base:${fiscalYear}`,
        fp,
        async () => {
          const [rows, last] = await Promise.all([
            yearRows(fiscalYear, fp, false),
            loadYearOveralls(db, fiscalYear - 1),
          ]);
          const types = [...new Set(rows.map((r) => r.type))].sort();
          const provinces = [
            ...new Set(rows.flatMap((r) => (r.province ? [r.province] : []))),
          ].sort(compareThai);
          return { rows, last, types, provinces };
        },
      );
      const q: RankingQuery = {
        ...query,
        type: query.type || (query.scope === 'type' ? (types[0] ?? '') : ''),
        province: query.province || (query.scope === 'province' ? (provinces[0] ?? '') : ''),
      };
      // Ranks depend only on the scope: search, filters and sort run over the memoized ranking.
      const scopeFilter = {
        type: q.scope === 'type' ? q.type : '',
        province: q.scope === 'province' ? q.province : '',
      };
      const whole: RankingQuery = {
        ...q,
        ...scopeFilter,
        q: '',
        level: '',
        passed: '',
        sort: 'rank',
      };
      const key = `rank:${fiscalYear}:${q.scope}:${scopeFilter.type}:${scopeFilter.province}`;
      if (q.scope === 'provinces') {
        const ranked = await memoized(key, fp, async () =>
          rankProvinces(rows, last, whole, compareThai),
        );
        const refined = refineProvinces(ranked, q, compareThai);
        return {
          ...y,
          query: q,
          types,
          provinces,
          agencies: rows.length,
          kind: 'provinces',
          rows: refined,
        };
      }
      const ranked = await memoized(key, fp, async () =>
        rankAgenciesInScope(rows, last, whole, compareThai),
      );
      const refined = refineAgencies(ranked, q, compareThai);
      return {
        ...y,
        query: q,
        types,
        provinces,
        agencies: rows.length,
        kind: 'agencies',
        rows: refined,
      };
    },

    /** The latest published year's national figures for the public home page. */
    async home(): Promise<HomeView | undefined> {
      const latest = await latestPublishedYear(db);
      const y = latest === undefined ? undefined : await yearFor(latest);
      if (!y) return undefined;
      const figures = await yearFigures(y);
      return { ...y, national: figures.national, provinces: figures.provinces };
    },

    async latestPublishedYear(): Promise<number | undefined> {
      return latestPublishedYear(db);
    },

    /** Years the actor may read results of (published ones, or every year for the NACC). */
    async visibleYears(actor: Actor): Promise<YearRow[]> {
      return (await listYears(db)).filter((y) => canSeeYearResults(actor, y));
    },

    async year(fiscalYear: number): Promise<YearRow | undefined> {
      return findYear(db, fiscalYear);
    },
  };
}

export type ResultsViewService = ReturnType<typeof createResultsViewService>;
