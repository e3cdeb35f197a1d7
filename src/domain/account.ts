// Pure account rules: e-mail and password checks, role scopes, sign-in throttling, expiry times.
import type { Role, RoleGrant } from './actor.ts';

export const ROLES: readonly Role[] = ['nacc_admin', 'auditor', 'province_officer', 'agency_admin'];

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}

/** What a role's scope names: nothing (the NACC), an agency code, or a province name. */
export function scopeKind(role: Role): 'none' | 'agency' | 'province' {
  if (role === 'nacc_admin') return 'none';
  return role === 'province_officer' ? 'province' : 'agency';
}

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function isEmail(raw: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) && raw.length <= 254;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Long passphrases beat composition rules (NCSC, NIST 800-63B): only length is required. */
export function passwordProblem(pw: string): 'tooShort' | 'tooLong' | null {
  const length = [...pw].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  return null;
}

/** A grant as people read it: "agency_admin:51-PRV", "nacc_admin". */
export function describeGrant(g: RoleGrant): string {
  return g.scope ? `${g.role}:${g.scope}` : g.role;
}

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen is written at most this often, so reading pages does not write on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;
export const RESET_TOKEN_MS = 60 * 60 * 1000;
export const INVITATION_TOKEN_MS = 7 * 24 * 60 * 60 * 1000;

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;

/** After each failure: how long to wait before answering, and whether the address is now locked. */
export function throttleAfterFailure(failures: number): { delayMs: number; lock: boolean } {
  if (failures >= LOCK_AFTER_FAILURES) return { delayMs: 0, lock: true };
  // Slow down from the third failure on: guessing gets expensive before the lock arrives.
  return { delayMs: failures >= 3 ? (failures - 2) * 1000 : 0, lock: false };
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
