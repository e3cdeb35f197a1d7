// Signed-in requests for app.request() tests: accounts per role, a session cookie and a CSRF
// cookie with the token forms carry (the cookie's value signed out, bound to the session signed in).
import { randomBytes } from 'node:crypto';
import { SYSTEM_CLI, type RoleGrant } from '../../src/domain/actor.ts';
import { csrfTokenFor } from '../../src/http/csrf.ts';
import type { Services } from '../../src/services/container.ts';

export type Who = 'nacc_admin' | 'auditor' | 'province_officer' | 'agency_admin' | 'anonymous';
export const EVERYONE: Who[] = [
  'nacc_admin',
  'auditor',
  'province_officer',
  'agency_admin',
  'anonymous',
];

/** The standard cast: auditor of 51-PAO, officer of ลำพูน, admin of 51-PRV (demo agencies). */
export const STANDARD_GRANTS: Record<Exclude<Who, 'anonymous'>, RoleGrant[]> = {
  nacc_admin: [{ role: 'nacc_admin', scope: null }],
  auditor: [
    { role: 'auditor', scope: '51-PAO' },
    { role: 'auditor', scope: '51-SAO-01' },
  ],
  province_officer: [{ role: 'province_officer', scope: 'ลำพูน' }],
  agency_admin: [{ role: 'agency_admin', scope: '51-PRV' }],
};

export const TEST_PASSWORD = 'test passphrase 2569';

export async function createAccount(
  services: Services,
  email: string,
  grants: RoleGrant[],
): Promise<string> {
  const [first, ...rest] = grants;
  const { user } = await services.users.create(SYSTEM_CLI, {
    email,
    displayName: email.split('@')[0]!,
    grant: first!,
    password: TEST_PASSWORD,
  });
  for (const g of rest) await services.users.grantRole(SYSTEM_CLI, user.id, g);
  return user.id;
}

/** One account per role with the standard grants; returns user ids by role. */
export async function createStandardAccounts(
  services: Services,
): Promise<Record<Exclude<Who, 'anonymous'>, string>> {
  const ids = {} as Record<Exclude<Who, 'anonymous'>, string>;
  for (const [role, grants] of Object.entries(STANDARD_GRANTS) as [
    Exclude<Who, 'anonymous'>,
    RoleGrant[],
  ][])
    ids[role] = await createAccount(services, `${role.replace('_', '-')}@test.example`, grants);
  return ids;
}

export interface Client {
  cookie: string;
  /** The token to send (form field `_csrf` or header X-CSRF-Token). */
  csrf: string;
  /** The value of the itas_csrf cookie. */
  csrfCookie: string;
  headers: (extra?: Record<string, string>) => Record<string, string>;
  /** A urlencoded form body carrying the CSRF token. */
  form: (fields?: Record<string, string>) => string;
}

/** A fresh session for the user (or none), with its own CSRF pair. */
export async function clientFor(services: Services, userId: string | null): Promise<Client> {
  const csrfCookie = randomBytes(32).toString('base64url');
  const parts = [`itas_csrf=${csrfCookie}`];
  const session = userId ? await services.auth.openSessionFor(userId) : undefined;
  if (session) parts.push(`itas_session=${session}`);
  const cookie = parts.join('; ');
  const csrf = csrfTokenFor(csrfCookie, session);
  return {
    cookie,
    csrf,
    csrfCookie,
    headers: (extra = {}) => ({ cookie, ...extra }),
    form: (fields = {}) => new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  };
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
