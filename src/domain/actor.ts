// Who is acting: the CLI (system), a visitor, or a signed-in user with roles and scopes.
// A visitor or user acting through an HTTP request carries that request's id (X-Request-Id), so
// the audit entries they cause name it without a request scope (ADR 0029).

export type Role = 'nacc_admin' | 'auditor' | 'province_officer' | 'agency_admin';

export interface RoleGrant {
  role: Role;
  /** The scope: an agency code (agency_admin, auditor), a province name (province_officer), or null (nacc_admin). */
  scope: string | null;
}

export type Actor =
  | { kind: 'system'; label: string }
  | { kind: 'anonymous'; requestId?: string }
  | { kind: 'user'; userId: string; email: string; grants: RoleGrant[]; requestId?: string };

export const SYSTEM_CLI: Actor = { kind: 'system', label: 'cli' };
/** A visitor outside any request (reads); the session middleware gives each request its own. */
export const ANONYMOUS: Actor = { kind: 'anonymous' };
/**
 * Whoever presents BACKUP_TOKEN to the running server (POST /ops/backup): the operator's own
 * `itas backup`, by holding the server's configuration. Audited as `system:backup-token`.
 */
export const SYSTEM_BACKUP_TOKEN: Actor = { kind: 'system', label: 'backup-token' };

export function isNaccAdmin(actor: Actor): boolean {
  return (
    actor.kind === 'system' ||
    (actor.kind === 'user' && actor.grants.some((g) => g.role === 'nacc_admin'))
  );
}
