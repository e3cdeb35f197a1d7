// The year a publication acts on, and who may publish: shared by publishing and the OIT
// exceptions (publication-exceptions.ts).
import type { Actor } from '../domain/actor.ts';
import { canPublishYear } from '../domain/publication.ts';
import { en } from '../i18n/en.ts';
import { th } from '../i18n/th.ts';
import type { Db } from '../storage/database.ts';
import { findYear, type YearRow } from '../storage/year.repository.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';

export function ensureNacc(actor: Actor): void {
  if (!canPublishYear(actor))
    throw new ForbiddenError(th.publication.naccOnly, en.publication.naccOnly);
}

/** The year's row, or a 404 naming it. */
export async function requireYear(tx: Db, fiscalYear: number): Promise<YearRow> {
  const year = Number.isInteger(fiscalYear) ? await findYear(tx, fiscalYear) : undefined;
  if (!year)
    throw new NotFoundError(
      th.publication.noYear(String(fiscalYear)),
      en.publication.noYear(String(fiscalYear)),
    );
  return year;
}
