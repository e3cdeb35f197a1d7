// Who may do what, as pure rules over an Actor's role grants. Services call these before every
// read of private data and every state change; routes only translate a refusal into 403.
import type { Actor, Role } from './actor.ts';

export interface AgencyRef {
  code: string;
  province: string | null;
}

function grants(actor: Actor) {
  return actor.kind === 'user' ? actor.grants : [];
}

export function hasRole(actor: Actor, role: Role): boolean {
  return grants(actor).some((g) => g.role === role);
}

export function isNacc(actor: Actor): boolean {
  return actor.kind === 'system' || hasRole(actor, 'nacc_admin');
}

/** Agency administrators manage their own agency: profile, survey links, OIT answers. */
export function canManageAgency(actor: Actor, agency: AgencyRef): boolean {
  return (
    isNacc(actor) || grants(actor).some((g) => g.role === 'agency_admin' && g.scope === agency.code)
  );
}

/** Auditors see and score only the agencies assigned to them (a grant scoped to the agency). */
export function canReviewAgency(actor: Actor, agency: AgencyRef): boolean {
  return (
    isNacc(actor) || grants(actor).some((g) => g.role === 'auditor' && g.scope === agency.code)
  );
}

/** Province officers read everything about their province's agencies and run its drive. */
export function canActForProvince(actor: Actor, province: string | null): boolean {
  if (isNacc(actor)) return true;
  return (
    province !== null &&
    grants(actor).some((g) => g.role === 'province_officer' && g.scope === province)
  );
}

/** Private (unpublished) data of one agency: its admins, its auditors, its province, the NACC. */
export function canReadAgencyPrivate(actor: Actor, agency: AgencyRef): boolean {
  return (
    canManageAgency(actor, agency) ||
    canReviewAgency(actor, agency) ||
    canActForProvince(actor, agency.province)
  );
}

/** The NACC may also read every province's drive (read-only). */
export function canReadProvince(actor: Actor, province: string): boolean {
  return canActForProvince(actor, province);
}

/** Accounts, roles, the audit log and the mail outbox are the NACC's to administer. */
export function canAdministerAccounts(actor: Actor): boolean {
  return isNacc(actor);
}

/** Whether the actor holds any of these roles; the NACC holds every role implicitly. */
export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return isNacc(actor) || roles.some((r) => hasRole(actor, r));
}

/** Writes: a province officer of this province (or the CLI loading the demo); the NACC only reads. */
export function canEditProvince(actor: Actor, province: string): boolean {
  if (actor.kind === 'system') return true;
  return (
    actor.kind === 'user' &&
    actor.grants.some((g) => g.role === 'province_officer' && g.scope === province)
  );
}
