// Signing in and out, sessions, password changes and resets, and accepting an invitation.
import { hash, verify } from '@node-rs/argon2';
import type { Actor } from '../domain/actor.ts';
import { createHmac } from 'node:crypto';
import {
  RESET_TOKEN_MS,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  SIGN_IN_LIMITS,
  SIGN_IN_WINDOW_MS,
  USUAL_PLACE_MS,
  delayAfterFailure,
  normalizeEmail,
  passwordProblem,
  signInVerdict,
} from '../domain/account.ts';
import { networkPrefix } from '../domain/survey-guard.ts';
import { en } from '../i18n/en.ts';
import { th } from '../i18n/th.ts';
import type { Db } from '../storage/database.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findLiveToken,
  findSession,
  insertSession,
  insertToken,
  touchSession,
  useAllTokens,
  useToken,
} from '../storage/session.repository.ts';
import {
  countAttempt,
  deleteStaleLimits,
  recordSuccess,
} from '../storage/sign-in-limit.repository.ts';
import {
  findGrants,
  findUserByEmail,
  findUserById,
  updateUser,
  type UserRecord,
} from '../storage/user.repository.ts';
import { recordAudit } from './audit.service.ts';
import { ServiceError } from './errors.ts';
import type { MailService } from './mail.service.ts';
import { hashSecret, looksLikeSecret, newSecret } from './secret.ts';

export interface AuthOptions {
  mail: MailService;
  publicUrl: string;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** HMAC key for the hashed network and e-mail keys of the sign-in limits. */
  hashKey: string;
}

export type SignInResult =
  | { ok: true; sessionToken: string; user: UserRecord }
  | { ok: false; reason: 'invalid' }
  /** Too many attempts for this account from this network, from this network, or at this account. */
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export interface SignedIn {
  actor: Extract<Actor, { kind: 'user' }>;
  displayName: string;
  sessionHash: string;
}

export const hashPassword = (pw: string) => hash(pw); // @node-rs/argon2 defaults to argon2id

// Verified against for unknown addresses, so a wrong e-mail costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function userActor(db: Db, u: UserRecord): Promise<SignedIn['actor']> {
  return { kind: 'user', userId: u.id, email: u.email, grants: await findGrants(db, u.id) };
}

function checkPassword(pw: string) {
  const p = passwordProblem(pw);
  if (p) throw new ServiceError(422, th.accounts.password[p], en.accounts.password[p]);
}

export function createAuthService(db: Db, opts: AuthOptions) {
  const { now } = opts;
  // Keys of the sign-in limits: e-mails and networks are never stored in the clear.
  const limitKey = (kind: 'n' | 'an' | 'a', value: string) =>
    `${kind}:${createHmac('sha256', opts.hashKey).update(`${kind}:${value}`).digest('base64url')}`;

  async function newSession(userId: string): Promise<string> {
    const token = newSecret();
    const t = now();
    await insertSession(db, {
      idHash: hashSecret(token),
      userId,
      createdAt: t,
      lastSeenAt: t,
      idleExpiresAt: new Date(t.getTime() + SESSION_IDLE_MS),
      absoluteExpiresAt: new Date(t.getTime() + SESSION_ABSOLUTE_MS),
    });
    return token;
  }

  async function spendToken(token: string, purpose: 'reset' | 'invitation', password: string) {
    checkPassword(password);
    if (!looksLikeSecret(token)) return false;
    const passwordHash = await hashPassword(password);
    return db.transaction().execute(async (tx) => {
      const used = await useToken(tx, hashSecret(token), purpose, now());
      if (!used) return false;
      const user = await findUserById(tx, used.userId);
      if (!user || user.disabled) return false;
      await updateUser(tx, user.id, { passwordHash });
      // A new password ends every session that the old one (or a thief) opened.
      await deleteUserSessions(tx, user.id);
      await useAllTokens(tx, user.id, 'reset', now());
      await recordAudit(tx, {
        actor: await userActor(tx, user),
        action: purpose === 'reset' ? 'user.password.reset' : 'user.invitation.accept',
        recordType: 'user',
        recordId: user.id,
      });
      return true;
    });
  }

  return {
    /**
     * Checks e-mail and password from a client address. Every refusal looks the same whether or
     * not the address is registered. The attempt is counted per network, per account on that
     * network and per account in one statement before the password is checked (SIGN_IN_LIMITS).
     */
    async signIn(
      emailRaw: string,
      password: string,
      previousToken?: string,
      clientAddress?: string,
    ): Promise<SignInResult> {
      const email = normalizeEmail(emailRaw);
      const t = now();
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
            actor: { kind: 'anonymous' },
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
        if (delay) await opts.sleep(delay);
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
        actor: await userActor(db, user),
        action: 'session.sign_in',
        recordType: 'user',
        recordId: user.id,
      });
      return { ok: true, sessionToken, user };
    },

    /** The signed-in user behind a session cookie, or null when absent, expired or disabled. */
    async resolveSession(token: string | undefined): Promise<SignedIn | null> {
      if (!looksLikeSecret(token)) return null;
      const idHash = hashSecret(token);
      const s = await findSession(db, idHash);
      if (!s) return null;
      const t = now();
      if (s.idleExpiresAt <= t || s.absoluteExpiresAt <= t) {
        await deleteSession(db, idHash);
        return null;
      }
      const user = await findUserById(db, s.userId);
      if (!user || user.disabled) return null;
      if (t.getTime() - s.lastSeenAt.getTime() > SESSION_TOUCH_MS)
        await touchSession(db, idHash, t, new Date(t.getTime() + SESSION_IDLE_MS));
      return {
        actor: await userActor(db, user),
        displayName: user.displayName,
        sessionHash: idHash,
      };
    },

    async signOut(token: string | undefined): Promise<void> {
      if (looksLikeSecret(token)) await deleteSession(db, hashSecret(token));
      // Housekeeping rides along: expired rows go whenever anyone signs out.
      await deleteExpiredSessions(db, now());
      await deleteStaleLimits(db, now(), SIGN_IN_WINDOW_MS);
    },

    /** Ends every session of the signed-in user, on every device. */
    async signOutEverywhere(actor: Actor): Promise<number> {
      if (actor.kind !== 'user')
        throw new ServiceError(403, th.accounts.errors.signInFirst, en.accounts.errors.signInFirst);
      return db.transaction().execute(async (tx) => {
        const n = await deleteUserSessions(tx, actor.userId);
        await recordAudit(tx, {
          actor,
          action: 'session.sign_out_everywhere',
          recordType: 'user',
          recordId: actor.userId,
          after: { sessionsEnded: n },
        });
        return n;
      });
    },

    /** Changes one's own password; other sessions end, this one stays. */
    async changePassword(
      actor: Actor,
      current: string,
      next: string,
      keepSessionHash?: string,
    ): Promise<'ok' | 'wrongCurrent'> {
      if (actor.kind !== 'user')
        throw new ServiceError(403, th.accounts.errors.signInFirst, en.accounts.errors.signInFirst);
      checkPassword(next);
      const user = await findUserById(db, actor.userId);
      if (!user?.passwordHash || !(await verify(user.passwordHash, current).catch(() => false)))
        return 'wrongCurrent';
      const passwordHash = await hashPassword(next);
      await db.transaction().execute(async (tx) => {
        await updateUser(tx, user.id, { passwordHash });
        await deleteUserSessions(tx, user.id, keepSessionHash);
        await recordAudit(tx, {
          actor,
          action: 'user.password.change',
          recordType: 'user',
          recordId: user.id,
        });
      });
      return 'ok';
    },

    /** Mails a single-use reset link when the address belongs to an active account; silent otherwise. */
    async requestPasswordReset(emailRaw: string): Promise<void> {
      const user = await findUserByEmail(db, normalizeEmail(emailRaw));
      if (!user || user.disabled) return;
      const token = newSecret();
      const t = now();
      await db.transaction().execute(async (tx) => {
        await useAllTokens(tx, user.id, 'reset', t);
        await insertToken(tx, {
          idHash: hashSecret(token),
          purpose: 'reset',
          userId: user.id,
          createdAt: t,
          expiresAt: new Date(t.getTime() + RESET_TOKEN_MS),
        });
      });
      const link = `${opts.publicUrl}/reset-password/${token}`;
      await opts.mail.send({
        to: user.email,
        subject: `${th.accounts.mail.resetSubject} / ${en.accounts.mail.resetSubject}`,
        text: `${th.accounts.mail.resetBody(user.displayName, link)}\n\n---\n\n${en.accounts.mail.resetBody(user.displayName, link)}`,
        secrets: [link],
      });
    },

    /** Whether a reset or invitation link can still be used (showing the form does not spend it). */
    async tokenEmail(token: string, purpose: 'reset' | 'invitation'): Promise<string | null> {
      if (!looksLikeSecret(token)) return null;
      const live = await findLiveToken(db, hashSecret(token), purpose, now());
      const user = live ? await findUserById(db, live.userId) : undefined;
      return user && !user.disabled ? user.email : null;
    },

    /** Sets a new password from a reset link; false when the link is used, expired or unknown. */
    resetPassword: (token: string, password: string) => spendToken(token, 'reset', password),

    /** Sets the first password from an invitation link. */
    acceptInvitation: (token: string, password: string) =>
      spendToken(token, 'invitation', password),

    /** Opens a session without a password: for the CLI and tests only, never a route. */
    openSessionFor: (userId: string) => newSession(userId),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
