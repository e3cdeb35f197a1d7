// Loads an agency's published item-level results of a year into the count tables, for the plan
// to pass when the responses themselves are not in the system (province-progress.service.ts).
import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/actor.ts';
import { isNacc } from '../domain/access.ts';
import { answerColumns } from '../domain/framework/helpers.ts';
import type { Db } from '../storage/database.ts';
import { saveOitVersions } from '../storage/oit.repository.ts';
import { lockYearCounts } from '../storage/pending-counts.repository.ts';
import { hasResponses } from '../storage/province-progress.repository.ts';
import {
  insertResponses,
  recountAgencies,
  type ResponseRow,
} from '../storage/response.repository.ts';
import { findYear } from '../storage/year.repository.ts';
import { recordAudit } from './audit.service.ts';
import { bare, problem } from '../domain/problem.ts';
import { forbidden, notFound } from './errors.ts';
import { resolveFramework } from './framework-resolver.ts';

/** A published report's answer shares per sub-item (keyed like `I1.2`) and OIT item scores. */
export interface PublishedItemResults {
  answers: Record<string, readonly number[]>;
  oit: Record<string, number>;
}

/** The 1-based option the j-th of these people chose, by counts in option order; null past them. */
function optionOf(counts: readonly number[], j: number): number | null {
  let upTo = 0;
  for (let option = 0; option < counts.length; option++) {
    upTo += counts[option]!;
    if (j < upTo) return option + 1;
  }
  return null;
}

/**
 * Stores an agency's published item-level results of a year (answer shares per sub-item, keyed
 * like `I1.2`, and OIT item scores) so the planner can work from a published report when the
 * responses themselves are not in the system. NACC/CLI only; writes nothing where the agency
 * already has responses. Shares are stored as responses of 10,000 people per tool (the scorer
 * uses ratios), so the counts come from `responses` like every other.
 */
export async function loadPublishedItemResults(
  db: Db,
  actor: Actor,
  fiscalYear: number,
  agencyCode: string,
  report: PublishedItemResults,
): Promise<boolean> {
  if (!isNacc(actor)) throw forbidden(bare('', 'nacc_only'));
  const year = await findYear(db, fiscalYear);
  const fw = year ? await resolveFramework(db, year.frameworkId) : undefined;
  if (!fw) throw notFound(problem('', 'year_unknown', { year: fiscalYear }));
  // The published shares (2 decimals) as whole people per 10,000, written as that many
  // anonymous response rows: the count tables are only ever recounted from `responses`, so
  // `itas compute` and the recompute job reproduce exactly these counts.
  const responses: ResponseRow[] = [];
  for (const tool of ['IIT', 'EIT'] as const) {
    const counts = answerColumns(fw, tool).map((key) =>
      (report.answers[key] ?? []).map((x) => Math.max(0, Math.round(x * 100))),
    );
    const people = Math.max(0, ...counts.map((c) => c.reduce((a, b) => a + b, 0)));
    for (let j = 0; j < people; j++)
      responses.push({
        responseId: randomUUID(),
        fiscalYear,
        agencyCode,
        tool,
        answers: counts.map((c) => optionOf(c, j)),
        gender: null,
        ageBand: null,
        education: null,
        contactType: null,
        submittedOn: null,
      });
  }
  return db.transaction().execute(async (tx) => {
    if (await hasResponses(tx, fiscalYear, agencyCode)) return false;
    for (let i = 0; i < responses.length; i += 5000)
      await insertResponses(tx, responses.slice(i, i + 5000), { recounted: true });
    await lockYearCounts(tx, fiscalYear, { shared: true });
    await recountAgencies(tx, fiscalYear, [agencyCode]);
    await saveOitVersions(
      tx,
      fiscalYear,
      Object.entries(report.oit).map(([item, score]) => ({
        agencyCode,
        item,
        status: 'confirmed' as const,
        answer: score > 0 ? ('has' as const) : ('has_not' as const),
        urls: [],
        note: null,
        score,
        comment: null,
        dispute: null,
      })),
      'import',
      actor.kind === 'user' ? actor.email : 'system:cli',
    );
    await recordAudit(tx, {
      actor,
      action: 'results.item_results.load',
      recordType: 'agency_year',
      recordId: `${fiscalYear}/${agencyCode}`,
    });
    return true;
  });
}
