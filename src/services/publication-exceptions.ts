// The NACC's OIT exceptions: an agency published without a confirmed OIT (then with no OIT and
// no overall score), with the reason; recorded and removed only while the year is unpublished.
import type { Actor } from '../domain/actor.ts';
import { isNacc } from '../domain/access.ts';
import { TEXT_LIMITS, charCount } from '../domain/text-limits.ts';
import { en } from '../i18n/en.ts';
import { th } from '../i18n/th.ts';
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
import { ForbiddenError, ServiceError } from './errors.ts';
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
      if (!isNacc(actor))
        throw new ForbiddenError(th.publication.naccOnly, en.publication.naccOnly);
      const code = agencyCode.trim();
      const why = reason.trim();
      const x = { th: th.publication.exceptions, en: en.publication.exceptions };
      await db.transaction().execute(async (tx) => {
        await lockYear(tx, fiscalYear);
        const year = await requireYear(tx, fiscalYear);
        if (year.publishedAt) throw new ServiceError(409, x.th.publishedYear, x.en.publishedYear);
        if (!code || !(await findAgency(tx, code)))
          throw new ServiceError(422, x.th.unknownAgency(code), x.en.unknownAgency(code));
        if (!why) throw new ServiceError(422, x.th.reasonRequired, x.en.reasonRequired);
        if (charCount(why) > MAX_REASON)
          throw new ServiceError(422, x.th.reasonTooLong, x.en.reasonTooLong);
        if (await isOitConfirmed(tx, fiscalYear, code))
          throw new ServiceError(409, x.th.alreadyConfirmed(code), x.en.alreadyConfirmed(code));
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
      if (!isNacc(actor))
        throw new ForbiddenError(th.publication.naccOnly, en.publication.naccOnly);
      const code = agencyCode.trim();
      const x = { th: th.publication.exceptions, en: en.publication.exceptions };
      await db.transaction().execute(async (tx) => {
        await lockYear(tx, fiscalYear);
        const year = await requireYear(tx, fiscalYear);
        if (year.publishedAt) throw new ServiceError(409, x.th.publishedYear, x.en.publishedYear);
        const before = await deleteOitException(tx, fiscalYear, code);
        if (!before) throw new ServiceError(404, x.th.notFound(code), x.en.notFound(code));
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
