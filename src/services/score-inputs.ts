// The scorer's inputs of a year's agencies as stored: answer counts per sub-item (recounted from
// `responses`), confirmed OIT item scores and each tool's minimum sample. The one reader behind
// the score cards, the calculation page and the open data, so all three show the same inputs.
import { agencyMinimum } from '../domain/framework/helpers.ts';
import type { Framework } from '../domain/framework/schema.ts';
import { toAnswerCounts } from '../domain/answer-columns.ts';
import type { ScoreInput } from '../domain/scoring/types.ts';
import { loadAgencyGroups } from '../storage/agency.repository.ts';
import type { Db } from '../storage/database.ts';
import { loadOitScores } from '../storage/oit.repository.ts';
import { loadAgencyCounts, type AgencyCounts } from '../storage/response.repository.ts';
import { loadTargets } from '../storage/survey-link.repository.ts';

/**
 * Agency code → its ScoreInput (agencies without any data get empty inputs). `storedCounts`:
 * these agencies' stored counts when the caller has just read them (loadAgencyCounts).
 */
export async function loadScoreInputs(
  db: Db,
  fiscalYear: number,
  framework: Framework,
  codes: string[],
  storedCounts?: Map<string, AgencyCounts>,
): Promise<Map<string, ScoreInput>> {
  const [counts, oit, targets, groups] = await Promise.all([
    storedCounts ?? loadAgencyCounts(db, fiscalYear, codes),
    loadOitScores(db, fiscalYear, codes),
    loadTargets(db, fiscalYear, codes),
    loadAgencyGroups(db, fiscalYear, codes),
  ]);
  return new Map(
    codes.map((agencyCode) => {
      const c = counts.get(agencyCode);
      const answers = toAnswerCounts(framework, 'IIT', c?.counts.IIT ?? []);
      toAnswerCounts(framework, 'EIT', c?.counts.EIT ?? [], answers);
      return [
        agencyCode,
        {
          answers,
          respondents: c?.respondents ?? { IIT: 0, EIT: 0 },
          oit: oit.get(agencyCode) ?? {},
          // The year's rule: the agency's group minimum where the framework gives one, else
          // the share of the population the agency entered.
          minimums: {
            IIT: agencyMinimum(
              framework,
              'IIT',
              targets.get(agencyCode)?.iitPopulation,
              groups.get(agencyCode),
            ),
            EIT: agencyMinimum(
              framework,
              'EIT',
              targets.get(agencyCode)?.eitPopulation,
              groups.get(agencyCode),
            ),
          },
        },
      ];
    }),
  );
}
