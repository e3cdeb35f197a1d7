// The write side of results: score cards are made here and only here — bring an agency's counts
// up to its responses (new answers added, ADR 0023; or a recount from `responses`), score them
// with its confirmed OIT, store the card.
import type { Framework } from '../domain/framework/schema.ts';
import { scoreAgency } from '../domain/scoring/score.ts';
import type { ScoreCard } from '../domain/scoring/types.ts';
import type { Db } from '../storage/database.ts';
import {
  agenciesWithData,
  analyzeCountTables,
  loadAgencyCounts,
  recountAgencies,
  staleCounts,
  type AgencyCounts,
} from '../storage/response.repository.ts';
import { readCounts } from '../storage/response-recount.ts';
import { applyPendingCounts, lockYearCounts } from '../storage/pending-counts.repository.ts';
import { upsertScoreCards } from '../storage/score-card.repository.ts';
import { loadScoreInputs } from './score-inputs.ts';
import type { YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

const BATCH = 1000;
const LANES = 3;

/** Scores these agencies from stored counts and OIT scores and stores their cards. */
async function scoreAndStore(
  db: Db,
  year: number,
  framework: Framework,
  codes: string[],
  storedCounts?: Map<string, AgencyCounts>,
): Promise<ScoreCard[]> {
  const inputs = await loadScoreInputs(db, year, framework, codes, storedCounts);
  const cards = codes.map((agencyCode) => ({
    agencyCode,
    card: scoreAgency(framework, inputs.get(agencyCode)!),
  }));
  await upsertScoreCards(db, year, cards);
  return cards.map((c) => c.card);
}

export function createResultsCompute({
  db,
  years,
}: Pick<ServiceContext, 'db'> & { years: YearService }) {
  /**
   * The recompute after new answers: add the agencies' pending answers to their counts (a cost
   * that follows the new answers, not the agency's size), then score with confirmed OIT.
   */
  function addAndScore(
    fiscalYear: number,
    framework: Framework,
    codes: string[],
    lockTimeoutMs?: number,
  ) {
    return db.transaction().execute(async (tx) => {
      await lockYearCounts(tx, fiscalYear, { timeoutMs: lockTimeoutMs });
      await applyPendingCounts(tx, fiscalYear, codes);
      return scoreAndStore(tx, fiscalYear, framework, codes);
    });
  }

  /**
   * A year's batch: the cards from counts checked against one read of the batch's responses
   * (those not pending, ADR 0023). Their counts are tallied here and compared with the stored
   * ones; only agencies whose counts differ are recounted (by the one SQL recount) and read
   * back, so a compute right after an import (which counted what it stored) writes no count.
   * The cards are scored from counts equal to the stored ones, as always.
   */
  function checkAndScore(fiscalYear: number, framework: Framework, codes: string[]) {
    return db.transaction().execute(async (tx) => {
      await lockYearCounts(tx, fiscalYear, { shared: true });
      // One read of the range's responses, each agency's answers as one text; the range may
      // hold agencies outside the batch: only the batch's codes count.
      const fresh = await readCounts(tx, fiscalYear, codes[0]!, codes.at(-1)!, new Set(codes));
      const stale = await staleCounts(tx, fiscalYear, codes, fresh);
      // Equal to the stored counts but for the stale agencies, which are recounted and read back.
      const counts = new Map(fresh);
      if (stale.length) {
        await recountAgencies(tx, fiscalYear, stale);
        for (const code of stale) counts.delete(code);
        for (const [code, c] of await loadAgencyCounts(tx, fiscalYear, stale)) counts.set(code, c);
      }
      return scoreAndStore(tx, fiscalYear, framework, codes, counts);
    });
  }

  /**
   * Brings these agencies' counts up to their responses and stores their cards, in one
   * transaction: what the worker runs after new answers, and what the demo or an import may
   * call to have cards at once. `lockTimeoutMs`: fail rather than wait longer for a recount
   * that holds the year (the worker puts its marks back and tries again).
   */
  async function recomputeAgencies(
    fiscalYear: number,
    agencyCodes: string[],
    opts: { lockTimeoutMs?: number } = {},
  ): Promise<ScoreCard[]> {
    const y = await years.require(fiscalYear);
    return addAndScore(
      fiscalYear,
      y.framework,
      [...new Set(agencyCodes)].sort(),
      opts.lockTimeoutMs,
    );
  }

  return {
    /** Agencies with any response or OIT entry in the year. */
    agenciesWithData: (fiscalYear: number) => agenciesWithData(db, fiscalYear),

    /**
     * Adds every pending answer of the year, then checks every agency with data against its
     * responses and stores its card from those counts and its confirmed OIT scores: batch by
     * batch, each in one transaction that reads the batch's responses once and rewrites the
     * counts that differ with the SQL recount (checkAndScore), so the result never depends on
     * whether the worker ran. Returns how many agencies and how many scored.
     */
    async computeYear(
      fiscalYear: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<{ agencies: number; scored: number }> {
      const y = await years.require(fiscalYear);
      // Answers still pending are added first (alone: the increments take the lock alone), so
      // the batches below find stored counts = every response of the year.
      await db.transaction().execute(async (tx) => {
        await lockYearCounts(tx, fiscalYear);
        await applyPendingCounts(tx, fiscalYear, null);
      });
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
          const cards = await checkAndScore(fiscalYear, y.framework, part);
          scored += cards.filter((c) => c.overall !== null).length;
          done += part.length;
          onProgress?.(done, codes.length);
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      return { agencies: codes.length, scored };
    },

    recomputeAgencies,
  };
}
