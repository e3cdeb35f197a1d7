// Use cases of results: compute score cards (all, or one agency after a change) and read them
// as the export objects of docs/formats.md, summaries per type and rankings.
import { canSeeYearResults } from '../domain/publication.ts';
import type { Actor } from '../domain/actor.ts';
import type { Framework } from '../domain/framework/schema.ts';
import {
  rankAgenciesInScope,
  type AgencyRankingRow,
  type RankingQuery,
} from '../domain/reports/ranking-view.ts';
import {
  summarizeByType,
  summarizeNational,
  type AgencyResult,
  type Summary,
  type TypeSummary,
} from '../domain/scoring/rollups.ts';
import { belowMinimum } from '../domain/scoring/minimum-sample.ts';
import { scoreAgency } from '../domain/scoring/score.ts';
import type { ScoreCard } from '../domain/scoring/types.ts';
import { toResultObject, type ResultObject } from '../domain/result-export.ts';
import type { Db } from '../storage/database.ts';
import { loadYearOveralls } from '../storage/report.repository.ts';
import {
  agenciesWithData,
  analyzeCountTables,
  recountAgencies,
} from '../storage/response.repository.ts';
import {
  streamScoreCards,
  upsertScoreCards,
  type CardFilter,
  type StoredCard,
} from '../storage/score-card.repository.ts';
import { NotFoundError } from './errors.ts';
import { loadScoreInputs } from './score-inputs.ts';
import type { AssessmentYear, YearService } from './year.service.ts';

const BATCH = 1000;
const LANES = 3;

/** Scores these agencies from stored counts and OIT scores and stores their cards. */
async function scoreAndStore(
  db: Db,
  year: number,
  framework: Framework,
  codes: string[],
): Promise<ScoreCard[]> {
  const inputs = await loadScoreInputs(db, year, framework, codes);
  const cards = codes.map((agencyCode) => ({
    agencyCode,
    card: scoreAgency(framework, inputs.get(agencyCode)!),
  }));
  await upsertScoreCards(db, year, cards);
  return cards.map((c) => c.card);
}

/** A ranking row: the pages' own (domain/reports/ranking-view.ts). */
export type RankingRow = AgencyRankingRow;

/** The whole of the loaded rows, by rank: filters are applied when loading. */
const WHOLE_SCOPE: RankingQuery = {
  scope: 'national',
  type: '',
  province: '',
  q: '',
  level: '',
  passed: '',
  sort: 'rank',
};
const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const toAgencyResult = (s: StoredCard): AgencyResult => ({
  agencyCode: s.agencyCode,
  type: s.type,
  province: s.province,
  overall: s.card.overall,
  level: s.card.level,
  passed: s.card.passed,
  indicators: s.card.indicators,
  respondents: s.card.respondents,
  belowMinimum: belowMinimum(s.card.sample),
});

export function createResultsService(db: Db, years: YearService) {
  /** Publication rule of domain/publication.ts: unpublished years are hidden (404), not refused. */
  async function visibleYear(actor: Actor, fiscalYear: number): Promise<AssessmentYear> {
    const y = await years.find(fiscalYear);
    if (!y || !canSeeYearResults(actor, y))
      throw new NotFoundError(
        `ไม่พบผลการประเมินปี ${fiscalYear}`,
        `No published results for ${fiscalYear}`,
      );
    return y;
  }

  /** The one way a card is made: recount from responses, then score with confirmed OIT. */
  function recountAndScore(fiscalYear: number, framework: Framework, codes: string[]) {
    return db.transaction().execute(async (tx) => {
      await recountAgencies(tx, fiscalYear, codes);
      return scoreAndStore(tx, fiscalYear, framework, codes);
    });
  }

  async function loadResults(fiscalYear: number, filter: CardFilter = {}) {
    const all: StoredCard[] = [];
    for await (const page of streamScoreCards(db, fiscalYear, filter)) all.push(...page);
    return all;
  }

  return {
    /** Agencies with any response or OIT entry in the year. */
    agenciesWithData: (fiscalYear: number) => agenciesWithData(db, fiscalYear),

    /**
     * Recounts every agency with data in the year from `responses` (in SQL) and stores its card
     * from those counts and its confirmed OIT scores: batch by batch, each through the same
     * recount-and-score transaction as the recompute job (recomputeAgencies), so the result
     * never depends on whether the job ran. Returns how many agencies and how many scored.
     */
    async computeYear(
      fiscalYear: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<{ agencies: number; scored: number }> {
      const y = await years.require(fiscalYear);
      await analyzeCountTables(db);
      const codes = await agenciesWithData(db, fiscalYear);
      let scored = 0;
      let done = 0;
      let next = 0;
      // Batches in flight: one scores in JS while the others wait on the database (reads of one
      // overlap the card writes of another).
      const lane = async () => {
        while (next < codes.length) {
          const part = codes.slice(next, (next += BATCH));
          const cards = await recountAndScore(fiscalYear, y.framework, part);
          scored += cards.filter((c) => c.overall !== null).length;
          done += part.length;
          onProgress?.(done, codes.length);
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      return { agencies: codes.length, scored };
    },

    /** After a change to one agency: recount its answers in SQL, score it, store its card. */
    async recomputeAgency(fiscalYear: number, agencyCode: string): Promise<ScoreCard> {
      const [card] = await this.recomputeAgencies(fiscalYear, [agencyCode]);
      return card!;
    },

    /**
     * Recounts these agencies' answers from `responses` and stores their cards, in one
     * transaction: what the recompute job runs, and what the demo or an import may call to have
     * cards at once.
     */
    async recomputeAgencies(fiscalYear: number, agencyCodes: string[]): Promise<ScoreCard[]> {
      const y = await years.require(fiscalYear);
      return recountAndScore(fiscalYear, y.framework, [...new Set(agencyCodes)].sort());
    },

    /** Export objects one page at a time (memory stays flat for a national export). */
    async *streamResults(
      actor: Actor,
      fiscalYear: number,
      filter: CardFilter = {},
    ): AsyncGenerator<ResultObject[]> {
      const y = await visibleYear(actor, fiscalYear);
      for await (const page of streamScoreCards(db, fiscalYear, filter))
        yield page.map((s) => toResultObject(y.framework, fiscalYear, s));
    },

    async results(actor: Actor, fiscalYear: number, filter: CardFilter = {}) {
      const out: ResultObject[] = [];
      for await (const page of this.streamResults(actor, fiscalYear, filter)) out.push(...page);
      return out;
    },

    async summary(
      actor: Actor,
      fiscalYear: number,
    ): Promise<{ national: Summary; types: TypeSummary[] }> {
      const y = await visibleYear(actor, fiscalYear);
      const results = (await loadResults(fiscalYear)).map(toAgencyResult);
      return {
        national: summarizeNational(y.framework, results),
        types: summarizeByType(y.framework, results),
      };
    },

    /**
     * Rankings of the year (or of a type / province): the same ranking as the pages
     * (rankAgenciesInScope: published figures, ties shared) with "last year" by the one rule of
     * loadYearOveralls.
     */
    async rankings(
      actor: Actor,
      fiscalYear: number,
      filter: { type?: string; province?: string } = {},
    ): Promise<RankingRow[]> {
      await visibleYear(actor, fiscalYear);
      const cards = await loadResults(fiscalYear, filter);
      const last = await loadYearOveralls(
        db,
        fiscalYear - 1,
        cards.map((s) => s.agencyCode),
      );
      const rows = cards.map((s) => ({
        agencyCode: s.agencyCode,
        nameTh: s.nameTh,
        nameEn: s.nameEn,
        type: s.type,
        province: s.province,
        district: s.district,
        overall: s.card.overall,
        level: s.card.level,
        passed: s.card.passed,
        belowMinimum: belowMinimum(s.card.sample),
      }));
      return rankAgenciesInScope(rows, last, WHOLE_SCOPE, compareCodes);
    },
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
