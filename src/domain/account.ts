// Pure account rules: e-mail and password checks, role scopes, sign-in throttling, expiry times.
import type { Role, RoleGrant } from './actor.ts';

/**
 * An account as the administrators' pages and `itas users list` see it: whether a password is
 * set, never the password's hash.
 */
export interface AccountSummary {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  /** false: invited, the invitation not yet taken up. */
  hasPassword: boolean;
  createdAt: Date;
  grants: RoleGrant[];
}

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

/**
 * Sign-in limits, counted per attempt (before the password is checked) in fixed windows:
 * - one account from one network: 5 per window, then that pair waits (with a growing delay from
 *   the third failure). Someone guessing elsewhere never locks the owner out of their office.
 * - one network, any accounts: guessing across many accounts from one place is bounded. Good
 *   sign-ins give their attempt back, so an office behind one address is not slowed by its staff.
 * - one account, all networks: a spread-out attack; once over, only networks the account has
 *   signed in from before (its usual places) may still try.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_LIMITS = { accountOnNetwork: 5, network: 50, account: 20 } as const;
/** How long a network stays one of an account's usual places after a good sign-in. */
export const USUAL_PLACE_MS = 90 * 24 * 60 * 60 * 1000;

export interface SignInCount {
  attempts: number;
  windowStart: Date;
}

export interface SignInCounts {
  network: SignInCount;
  accountOnNetwork: SignInCount;
  account: SignInCount;
  /** The account has signed in from this network within USUAL_PLACE_MS. */
  usualPlace: boolean;
}

/** Whether this attempt may check a password; if not, how long until it may (whole seconds). */
export function signInVerdict(
  c: SignInCounts,
  now: Date,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const over: SignInCount[] = [];
  if (c.accountOnNetwork.attempts > SIGN_IN_LIMITS.accountOnNetwork) over.push(c.accountOnNetwork);
  if (c.network.attempts > SIGN_IN_LIMITS.network) over.push(c.network);
  if (!c.usualPlace && c.account.attempts > SIGN_IN_LIMITS.account) over.push(c.account);
  if (over.length === 0) return { allowed: true };
  const until = Math.max(...over.map((x) => x.windowStart.getTime() + SIGN_IN_WINDOW_MS));
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
  };
}

/** Delay before answering a wrong password: guessing gets slower from the third try on. */
export function delayAfterFailure(attemptsOnNetwork: number): number {
  return attemptsOnNetwork >= 3 ? (attemptsOnNetwork - 2) * 1000 : 0;
}
