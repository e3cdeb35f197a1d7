// Signing in: the sign-in limits per network and account, the password checked at the same cost
// for unknown addresses, and a new session id.
import { hash, verify } from '@node-rs/argon2';
import { createHmac } from 'node:crypto';
import type { Actor } from '../domain/actor.ts';
import {
  SIGN_IN_LIMITS,
  SIGN_IN_WINDOW_MS,
  USUAL_PLACE_MS,
  delayAfterFailure,
  normalizeEmail,
  signInVerdict,
} from '../domain/account.ts';
import { networkPrefix } from '../domain/survey-guard.ts';
import type { Db } from '../storage/database.ts';
import { deleteSession } from '../storage/session.repository.ts';
import { countAttempt, recordSuccess } from '../storage/sign-in-limit.repository.ts';
import { findGrants, findUserByEmail, type UserRecord } from '../storage/user.repository.ts';
import { recordAudit } from './audit.service.ts';
import { hashSecret, looksLikeSecret, newSecret } from './secret.ts';
import type { ServiceConfig, ServiceContext } from './service-options.ts';

export type SignInResult =
  | { ok: true; sessionToken: string; user: UserRecord }
  | { ok: false; reason: 'invalid' }
  /** Too many attempts for this account from this network, from this network, or at this account. */
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export const hashPassword = (pw: string) => hash(pw); // @node-rs/argon2 defaults to argon2id

// Verified against for unknown addresses, so a wrong e-mail costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** The user as an Actor; `requestId`: the HTTP request they act through, named in the audit. */
export async function userActor(
  db: Db,
  u: UserRecord,
  requestId?: string,
): Promise<Extract<Actor, { kind: 'user' }>> {
  return {
    kind: 'user',
    userId: u.id,
    email: u.email,
    grants: await findGrants(db, u.id),
    ...(requestId === undefined ? {} : { requestId }),
  };
}

export function createSignIn({
  db,
  clock,
  config,
  sleep,
  newSession,
}: Pick<ServiceContext, 'db' | 'clock'> & {
  /** secretKey: the HMAC key for the hashed network and e-mail keys of the sign-in limits. */
  config: Pick<ServiceConfig, 'secretKey'>;
  sleep: (ms: number) => Promise<void>;
  newSession: (userId: string) => Promise<string>;
}) {
  // Keys of the sign-in limits: e-mails and networks are never stored in the clear.
  const limitKey = (kind: 'n' | 'an' | 'a', value: string) =>
    `${kind}:${createHmac('sha256', config.secretKey).update(`${kind}:${value}`).digest('base64url')}`;

  return async function signIn(
    emailRaw: string,
    password: string,
    previousToken?: string,
    clientAddress?: string,
    /** The HTTP request signing in: its id goes on the audit entries (ADR 0029). */
    requestId?: string,
  ): Promise<SignInResult> {
    const email = normalizeEmail(emailRaw);
    const t = clock();
    const net = networkPrefix(clientAddress);
    const keys = {
      network: limitKey('n', net),
      accountOnNetwork: limitKey('an', `${email}\n${net}`),
      account: limitKey('a', email),
    };
    const rows = await countAttempt(
      db,
      [keys.network, keys.accountOnNetwork, keys.account],
      t,
      SIGN_IN_WINDOW_MS,
    );
    const row = (k: string) => {
      const r = rows.find((x) => x.key === k)!;
      return { attempts: r.attempts, windowStart: r.windowStart, trustedUntil: r.trustedUntil };
    };
    const pair = row(keys.accountOnNetwork);
    const account = row(keys.account);
    const counts = {
      network: row(keys.network),
      accountOnNetwork: pair,
      account,
      usualPlace: pair.trustedUntil !== null && pair.trustedUntil > t,
    };
    const user = await findUserByEmail(db, email);
    const verdict = signInVerdict(counts, t);
    if (!verdict.allowed) {
      // Once per window and limit: the NACC sees in the log that an account was being guessed.
      const first =
        pair.attempts === SIGN_IN_LIMITS.accountOnNetwork + 1
          ? 'network'
          : !counts.usualPlace && account.attempts === SIGN_IN_LIMITS.account + 1
            ? 'account'
            : null;
      if (user && first)
        await recordAudit(db, {
          actor: { kind: 'anonymous', requestId },
          action: 'user.sign_in_limited',
          recordType: 'user',
          recordId: user.id,
          after: { scope: first, retryAfterSeconds: verdict.retryAfterSeconds },
        });
      return { ok: false, reason: 'locked', retryAfterSeconds: verdict.retryAfterSeconds };
    }
    const stored = user && !user.disabled ? user.passwordHash : null;
    const good = stored
      ? await verify(stored, password).catch(() => false)
      : await verify(await (dummyHash ??= hashPassword(newSecret())), password).then(() => false);
    if (!good || !user) {
      const delay = delayAfterFailure(pair.attempts);
      if (delay) await sleep(delay);
      return { ok: false, reason: 'invalid' };
    }
    await recordSuccess(
      db,
      keys.accountOnNetwork,
      keys.network,
      t,
      new Date(t.getTime() + USUAL_PLACE_MS),
    );
    // A new session id at every sign-in: a session fixed before sign-in is worthless.
    if (looksLikeSecret(previousToken)) await deleteSession(db, hashSecret(previousToken));
    const sessionToken = await newSession(user.id);
    await recordAudit(db, {
      actor: await userActor(db, user, requestId),
      action: 'session.sign_in',
      recordType: 'user',
      recordId: user.id,
    });
    return { ok: true, sessionToken, user };
  };
}
