// The results service: the one entry for everything about results. Score cards are made by
// results-compute.ts; every read — pages, API, CLI exports, open data — is the one read model
// (results-read-model.ts for year-wide reads, agency-results.ts for one agency). The API and
// CLI forms below answer "not found" with a refusal (404) instead of undefined.
import type { Actor } from '../domain/actor.ts';
import type { ResultObject } from '../domain/result-export.ts';
import type { AgencyRankingRow } from '../domain/reports/ranking-view.ts';
import type { Summary, TypeSummary } from '../domain/scoring/rollups.ts';
import { countAgencies } from '../storage/agency.repository.ts';
import { createAgencyResults } from './agency-results.ts';
import { problem } from '../domain/problem.ts';
import { notFound } from './errors.ts';
import { createResultsCompute } from './results-compute.ts';
import { createResultsReadModel, type CardFilter } from './results-read-model.ts';
import type { AssessmentYear, YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

export function createResultsService({
  db,
  years,
}: Pick<ServiceContext, 'db'> & { years: YearService }) {
  const read = createResultsReadModel({ db, years });
  const agency = createAgencyResults({ db, yearFor: read.yearFor });

  /** Publication rule of domain/publication.ts: unpublished years are hidden (404), not refused. */
  const unpublished = (fiscalYear: number) =>
    notFound(problem('', 'results_unpublished', { year: fiscalYear }));
  async function requireVisible(actor: Actor, fiscalYear: number): Promise<AssessmentYear> {
    const y = await read.visibleYear(actor, fiscalYear);
    if (!y) throw unpublished(fiscalYear);
    return y;
  }

  async function* streamResults(
    actor: Actor,
    fiscalYear: number,
    filter: CardFilter = {},
  ): AsyncGenerator<ResultObject[]> {
    yield* read.streamResults(await requireVisible(actor, fiscalYear), filter);
  }

  return {
    ...createResultsCompute({ db, years }),
    agencyReport: agency.agencyReport,
    agencyCalculation: agency.agencyCalculation,
    summary: read.summary,
    rankings: read.rankings,
    home: read.home,
    /** The home page in one call: how many agencies the register holds and the latest results. */
    homePage: async () => ({ agencyCount: await countAgencies(db), results: await read.home() }),
    canSeeYear: read.canSeeYear,
    visibleYear: read.visibleYear,
    visibleYears: read.visibleYears,
    visibleYearResults: read.visibleYearResults,
    latestPublishedYear: read.latestPublishedYear,
    publishedYearResults: read.publishedYearResults,
    year: read.year,

    /** Every agency's export object (docs/formats.md), a page at a time: memory stays flat. */
    streamResults,

    async results(actor: Actor, fiscalYear: number, filter: CardFilter = {}) {
      const out: ResultObject[] = [];
      for await (const page of streamResults(actor, fiscalYear, filter)) out.push(...page);
      return out;
    },

    /** The national and per-type summaries (the summary page's figures). */
    async summaryFigures(
      actor: Actor,
      fiscalYear: number,
    ): Promise<{ national: Summary; types: TypeSummary[] }> {
      const view = await read.summary(actor, fiscalYear);
      if (!view) throw unpublished(fiscalYear);
      return { national: view.national, types: view.byType };
    },

    /**
     * The ranking of the year, or among one type and/or province (ranks within it): the rankings
     * page's ranking (published figures, ties shared, "last year" by the one rule).
     */
    async rankingRows(
      actor: Actor,
      fiscalYear: number,
      scope: { type?: string; province?: string } = {},
    ): Promise<AgencyRankingRow[]> {
      const rows = await read.rankingRows(actor, fiscalYear, {
        type: scope.type ?? '',
        province: scope.province ?? '',
      });
      if (!rows) throw unpublished(fiscalYear);
      return rows;
    },
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
