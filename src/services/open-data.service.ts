// The open data to recompute a published year (issue 13.6; docs/formats.md "Open data to
// recompute"): per agency the aggregated answer counts per sub-item (only for a tool whose
// respondents reach the framework's threshold) and the confirmed OIT item scores — the very
// inputs of its score card (score-inputs.ts) — and the year's framework. Published years only
// (the NACC sees any year, by the results read model's rule); anyone else gets undefined (the
// route answers 404).
import type { Actor } from '../domain/actor.ts';
import {
  answerCountRows,
  oitScoreRows,
  type AnswerCountRow,
  type OitScoreRow,
} from '../domain/open-data.ts';
import { streamScoreCards } from '../storage/score-card.repository.ts';
import { loadScoreInputs } from './score-inputs.ts';
import type { AssessmentYear } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

export function createOpenDataService({
  db,
  results,
}: Pick<ServiceContext, 'db'> & {
  results: {
    visibleYear: (actor: Actor, fiscalYear: number) => Promise<AssessmentYear | undefined>;
  };
}) {
  /** Pages of the inputs of every agency with a score card, in agency-code order. */
  async function* inputPages(y: AssessmentYear) {
    for await (const page of streamScoreCards(db, y.fiscalYear)) {
      const codes = page.map((s) => s.agencyCode);
      const inputs = await loadScoreInputs(db, y.fiscalYear, y.framework, codes);
      yield codes.map((code) => ({ code, input: inputs.get(code)! }));
    }
  }

  return {
    /** The year with its framework when the actor may see its results, else undefined. */
    year: (actor: Actor, fiscalYear: number): Promise<AssessmentYear | undefined> =>
      results.visibleYear(actor, fiscalYear),

    /** Answer counts per agency, tool and sub-item, a page of agencies at a time. */
    async *answerCounts(y: AssessmentYear): AsyncGenerator<AnswerCountRow[]> {
      for await (const page of inputPages(y))
        yield page.flatMap(({ code, input }) => answerCountRows(y.framework, code, input));
    },

    /** Confirmed OIT item scores per agency, a page of agencies at a time. */
    async *oitScores(y: AssessmentYear): AsyncGenerator<OitScoreRow[]> {
      for await (const page of inputPages(y))
        yield page.flatMap(({ code, input }) => oitScoreRows(y.framework, code, input));
    },
  };
}

export type OpenDataService = ReturnType<typeof createOpenDataService>;
