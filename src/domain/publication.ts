// Who may see a year's results: the one place the publication rule lives (pages, API, exports).
import type { Actor } from './actor.ts';
import { canManageAgency, canReviewAgency, isNacc, type AgencyRef } from './access.ts';

export interface YearPublication {
  fiscalYear: number;
  /** Null until the NACC publishes the year. */
  publishedAt: Date | string | null;
}

export function isPublished(year: YearPublication): boolean {
  return year.publishedAt !== null;
}

/**
 * One agency's results. After publication: everyone. Before: the NACC, the agency's auditors, and
 * its own administrators once its OIT is confirmed (they need their report to act on it). Anyone
 * else must not learn the results exist, so callers answer 404, never 403.
 */
export function canSeeResults(
  actor: Actor,
  year: YearPublication,
  agency: AgencyRef,
  confirmedForAgency: boolean,
): boolean {
  if (isPublished(year) || isNacc(actor)) return true;
  if (canReviewAgency(actor, agency)) return true;
  return confirmedForAgency && canManageAgency(actor, agency);
}

/** Year-wide results (summaries, rankings, national downloads): published years, or the NACC. */
export function canSeeYearResults(actor: Actor, year: YearPublication): boolean {
  return isPublished(year) || isNacc(actor);
}

/** Publishing and withdrawing a year is the NACC's decision alone. */
export function canPublishYear(actor: Actor): boolean {
  return isNacc(actor);
}
