// Who may see a year's results: the one place the publication rule lives (pages, API, exports).
import type { Actor } from './actor.ts';
import { isNacc } from './access.ts';

export interface YearPublication {
  fiscalYear: number;
  /** Null until the NACC publishes the year. */
  publishedAt: Date | string | null;
}

export function isPublished(year: YearPublication): boolean {
  return year.publishedAt !== null;
}

/**
 * One agency's results (its scores, report and downloads). After publication: everyone. Before:
 * the NACC alone — an agency, its auditors and province officers follow response counts and the
 * OIT workflow, but live IIT/EIT/overall scores of an unpublished year are nobody else's to see
 * (issue 13). Anyone else must not learn the results exist, so callers answer 404, never 403.
 */
export function canSeeResults(actor: Actor, year: YearPublication): boolean {
  return isPublished(year) || isNacc(actor);
}

/** Year-wide results (summaries, rankings, national downloads): published years, or the NACC. */
export function canSeeYearResults(actor: Actor, year: YearPublication): boolean {
  return isPublished(year) || isNacc(actor);
}

/** Publishing and withdrawing a year is the NACC's decision alone. */
export function canPublishYear(actor: Actor): boolean {
  return isNacc(actor);
}
