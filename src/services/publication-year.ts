// The year a publication acts on, and who may publish: shared by publishing and the OIT
// exceptions (publication-exceptions.ts).
import type { Actor } from '../domain/actor.ts';
import { canPublishYear } from '../domain/publication.ts';
import { bare, problem } from '../domain/problem.ts';
import type { Db } from '../storage/database.ts';
import { findYear, type YearRow } from '../storage/year.repository.ts';
import { forbidden, notFound } from './errors.ts';

export function ensureNacc(actor: Actor): void {
  if (!canPublishYear(actor)) throw forbidden(bare('', 'publication_nacc_only'));
}

/** The year's row, or a 404 naming it. */
export async function requireYear(tx: Db, fiscalYear: number): Promise<YearRow> {
  const year = Number.isInteger(fiscalYear) ? await findYear(tx, fiscalYear) : undefined;
  if (!year) throw notFound(problem('', 'publication_year_missing', { year: fiscalYear }));
  return year;
}
