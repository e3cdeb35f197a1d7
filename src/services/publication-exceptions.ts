// The NACC's OIT exceptions: an agency published without a confirmed OIT (then with no OIT and
// no overall score), with the reason; recorded and removed only while the year is unpublished.
import type { Actor } from '../domain/actor.ts';
import { isNacc } from '../domain/access.ts';
import { TEXT_LIMITS, charCount } from '../domain/text-limits.ts';
import { bare, problem } from '../domain/problem.ts';
import { findAgency } from '../storage/agency.repository.ts';
import {
  deleteOitException,
  listOitExceptions,
  lockYear,
  saveOitException,
  type OitException,
} from '../storage/publication.repository.ts';
import { isOitConfirmed } from '../storage/report.repository.ts';
import { recordAudit } from './audit.service.ts';
import { forbidden, Refusal } from './errors.ts';
import { actorLabel } from './oit-shared.ts';
import { ensureNacc, requireYear } from './publication-year.ts';
import type { ServiceContext } from './service-options.ts';

/** As the input guard's one-line fields (domain/text-limits.ts). */
const MAX_REASON = TEXT_LIMITS.line;

export function createPublicationExceptions({ db }: Pick<ServiceContext, 'db'>) {
  return {
    exceptions: async (actor: Actor, fiscalYear: number): Promise<OitException[]> => {
      ensureNacc(actor);
      await requireYear(db, fiscalYear);
      return listOitExceptions(db, fiscalYear);
    },

    /**
     * Records that an agency may be published without a confirmed OIT (it then has no OIT and no
     * overall score), with the NACC's reason; audited. Not on a published year: the published
     * figures must not change under the readers.
     */
    async addException(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      reason: string,
    ): Promise<void> {
      if (!isNacc(actor)) throw forbidden(bare('', 'publication_nacc_only'));
      const code = agencyCode.trim();
      const why = reason.trim();
      await db.transaction().execute(async (tx) => {
        await lockYear(tx, fiscalYear);
        const year = await requireYear(tx, fiscalYear);
        if (year.publishedAt) throw new Refusal(409, bare('', 'exception_year_published'));
        if (!code || !(await findAgency(tx, code)))
          throw new Refusal(422, problem('', 'exception_agency_unknown', { code }));
        if (!why) throw new Refusal(422, bare('reason', 'exception_reason_required'));
        if (charCount(why) > MAX_REASON)
          throw new Refusal(
            422,
            problem('reason', 'exception_reason_too_long', { max: MAX_REASON }),
          );
        if (await isOitConfirmed(tx, fiscalYear, code))
          throw new Refusal(409, problem('', 'exception_oit_confirmed', { code }));
        const before = await saveOitException(tx, fiscalYear, code, why, actorLabel(actor));
        await recordAudit(tx, {
          actor,
          action: 'publication.exception.add',
          recordType: 'publication_oit_exception',
          recordId: `${fiscalYear}/${code}`,
          before: before ?? null,
          after: { reason: why, recordedBy: actorLabel(actor) },
        });
      });
    },

    async removeException(actor: Actor, fiscalYear: number, agencyCode: string): Promise<void> {
      if (!isNacc(actor)) throw forbidden(bare('', 'publication_nacc_only'));
      const code = agencyCode.trim();
      await db.transaction().execute(async (tx) => {
        await lockYear(tx, fiscalYear);
        const year = await requireYear(tx, fiscalYear);
        if (year.publishedAt) throw new Refusal(409, bare('', 'exception_year_published'));
        const before = await deleteOitException(tx, fiscalYear, code);
        if (!before) throw new Refusal(404, problem('', 'exception_missing', { code }));
        await recordAudit(tx, {
          actor,
          action: 'publication.exception.remove',
          recordType: 'publication_oit_exception',
          recordId: `${fiscalYear}/${code}`,
          before,
          after: null,
        });
      });
    },
  };
}
