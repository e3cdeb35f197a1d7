// An agency's private profile: read by those it concerns (its admins, auditors, province, the
// NACC); its website and staff count edited by its own administrators, with an audit entry.
import type { Actor } from '../domain/actor.ts';
import { canManageAgency, canReadAgencyPrivate } from '../domain/access.ts';
import type { Agency } from '../domain/agency.ts';
import { bare } from '../domain/problem.ts';
import { findAgency, updateAgencyProfile } from '../storage/agency.repository.ts';
import type { Db } from '../storage/database.ts';
import { findUsersWithGrant } from '../storage/user.repository.ts';
import { recordAudit } from './audit.service.ts';
import { forbidden, notFound, orPage, Refusal, type ServiceError } from './errors.ts';
import type { ServiceContext } from './service-options.ts';

export interface AgencyProfile {
  agency: Agency;
  admins: { displayName: string; email: string }[];
  auditors: { displayName: string; email: string }[];
  canEdit: boolean;
}

export interface ProfileChange {
  website: string | null;
  staffCount: number | null;
}

async function mustFind(db: Db, code: string): Promise<Agency> {
  const a = await findAgency(db, code);
  if (!a) throw notFound(bare('', 'profile_agency_unknown'));
  return a;
}

export function createAgencyProfileService({ db }: Pick<ServiceContext, 'db'>) {
  const profiles = {
    async read(actor: Actor, code: string): Promise<AgencyProfile> {
      const agency = await mustFind(db, code);
      if (!canReadAgencyPrivate(actor, agency))
        throw forbidden(bare('', 'profile_not_your_agency'));
      const people = async (role: 'agency_admin' | 'auditor') =>
        (await findUsersWithGrant(db, role, agency.code))
          .filter((u) => !u.disabled)
          .map((u) => ({ displayName: u.displayName, email: u.email }));
      return {
        agency,
        admins: await people('agency_admin'),
        auditors: await people('auditor'),
        canEdit: canManageAgency(actor, agency),
      };
    },

    async update(actor: Actor, code: string, change: ProfileChange): Promise<void> {
      const agency = await mustFind(db, code);
      if (!canManageAgency(actor, agency)) throw forbidden(bare('', 'profile_not_your_agency'));
      if (change.website !== null && !/^https?:\/\/[^\s]+$/.test(change.website))
        throw new Refusal(422, bare('website', 'profile_website_invalid'));
      if (
        change.staffCount !== null &&
        !(
          Number.isInteger(change.staffCount) &&
          change.staffCount >= 0 &&
          change.staffCount <= 10_000_000
        )
      )
        throw new Refusal(422, bare('staff', 'profile_staff_invalid'));
      await db.transaction().execute(async (tx) => {
        await updateAgencyProfile(tx, agency.code, change);
        await recordAudit(tx, {
          actor,
          action: 'agency.profile.update',
          recordType: 'agency',
          recordId: agency.code,
          before: { website: agency.website, staffCount: agency.staffCount },
          after: change,
        });
      });
    },

    /** The profile page's form: a refusal of what was typed (422) comes with the page. */
    updateOrPage: (actor: Actor, code: string, change: ProfileChange) =>
      orPage(
        () => profiles.update(actor, code, change),
        (e): e is ServiceError => e.status === 422,
        () => profiles.read(actor, code),
      ),
  };
  return profiles;
}

export type AgencyProfileService = ReturnType<typeof createAgencyProfileService>;
