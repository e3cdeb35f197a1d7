// One agency's results as people read them: its report (page, XLSX, PDF) and how its score was
// calculated. Part of the results read model (results-read-model.ts owns the year-wide reads);
// a result the actor may not see is reported as absent, so the route answers 404, not a leak.
import type { Actor } from '../domain/actor.ts';
import type { Agency } from '../domain/agency.ts';
import { getFramework } from '../domain/framework/index.ts';
import { canSeeResults } from '../domain/publication.ts';
import { buildAgencyReport, type AgencyReport } from '../domain/reports/agency-report.ts';
import { publishedDigitsOrNull } from '../domain/scoring/rounding.ts';
import type { ScoreCard } from '../domain/scoring/types.ts';
import { explainScore, type ScoreWorking } from '../domain/scoring/working.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { loadCurrentOit } from '../storage/oit.repository.ts';
import {
  loadAgencyOverallHistory,
  loadAnswerCounts,
  loadDemographicCounts,
} from '../storage/report.repository.ts';
import { findScoreCard } from '../storage/score-card.repository.ts';
import { loadTargets } from '../storage/survey-link.repository.ts';
import type { YearResults } from './results-read-model.ts';
import { loadScoreInputs } from './score-inputs.ts';
import type { ServiceContext } from './service-options.ts';

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

export function createAgencyResults({
  db,
  yearFor,
}: Pick<ServiceContext, 'db'> & {
  yearFor: (fiscalYear: number) => Promise<YearResults | undefined>;
}) {
  /** The year and the agency, when the actor may see the agency's results of that year. */
  async function visibleAgency(actor: Actor, fiscalYear: number, agencyCode: string) {
    const [y, agency] = await Promise.all([yearFor(fiscalYear), findAgency(db, agencyCode)]);
    return y && agency && canSeeResults(actor, y.year) ? { y, agency } : undefined;
  }
  /** A card keeps the framework it was scored on. */
  const frameworkOf = (card: ScoreCard, y: YearResults) =>
    getFramework(card.frameworkId) ?? y.framework;

  return {
    agencyReport: async (
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
    ): Promise<AgencyReportView | undefined> => {
      const found = await visibleAgency(actor, fiscalYear, agencyCode);
      if (!found) return undefined;
      const { y, agency } = found;
      const [stored, counts, oit, history, demographics, targets] = await Promise.all([
        findScoreCard(db, fiscalYear, agency.code),
        loadAnswerCounts(db, fiscalYear, agency.code),
        loadCurrentOit(db, fiscalYear, [agency.code]),
        loadAgencyOverallHistory(db, agency.code, fiscalYear),
        loadDemographicCounts(db, fiscalYear, agency.code),
        loadTargets(db, fiscalYear, [agency.code]),
      ]);
      if (!stored) return undefined;
      const framework = frameworkOf(stored.card, y);
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
          .map((o) => ({
            item: o.item,
            score: o.score,
            comment: o.comment,
            notApplicable: o.answer === 'not_applicable' ? (o.note ?? '') : null,
          })),
        trend: history.filter((h) => h.fiscalYear <= fiscalYear),
        demographics,
        headcount: targets.get(agency.code)?.iitPopulation ?? null,
      });
      return { ...y, framework, agency, report };
    },

    /**
     * How an agency's score was calculated (issue 13.6): the scorer run again on the inputs the
     * card was made from (answer counts, confirmed OIT scores), laid out step by step. Visible
     * exactly when the agency's report is (published years; the NACC before).
     */
    agencyCalculation: async (
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
    ): Promise<CalculationView | undefined> => {
      const found = await visibleAgency(actor, fiscalYear, agencyCode);
      if (!found) return undefined;
      const { y, agency } = found;
      const stored = await findScoreCard(db, fiscalYear, agency.code);
      if (!stored) return undefined;
      const framework = frameworkOf(stored.card, y);
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
  };
}
