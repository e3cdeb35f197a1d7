// Signing in and out, sessions, password changes and resets, and accepting an invitation.
import { hash, verify } from '@node-rs/argon2';
import type { Actor } from '../domain/actor.ts';
import {
  LOCK_AFTER_FAILURES,
  LOCK_MS,
  RESET_TOKEN_MS,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  isLocked,
  normalizeEmail,
  passwordProblem,
  throttleAfterFailure,
} from '../domain/account.ts';
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
  addFailure,
  findGrants,
  findUserByEmail,
  findUserById,
  readThrottle,
  setLock,
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
}

export type SignInResult =
  | { ok: true; sessionToken: string; user: UserRecord }
  | { ok: false; reason: 'invalid' | 'locked' };

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
     * Checks e-mail and password. Every refusal looks the same whether or not the address is
     * registered; repeated failures slow down and then lock the address for a while.
     */
    async signIn(
      emailRaw: string,
      password: string,
      previousToken?: string,
    ): Promise<SignInResult> {
      const email = normalizeEmail(emailRaw);
      const t = now();
      const state = await readThrottle(db, email);
      if (isLocked(state.lockedUntil, t)) return { ok: false, reason: 'locked' };
      // A lock that has run out starts the count afresh.
      if (state.failedAttempts >= LOCK_AFTER_FAILURES) await setLock(db, email, null, 0);
      const user = await findUserByEmail(db, email);
      const stored = user && !user.disabled ? user.passwordHash : null;
      const good = stored
        ? await verify(stored, password).catch(() => false)
        : await verify(await (dummyHash ??= hashPassword(newSecret())), password).then(() => false);
      if (!good || !user) {
        const failures = await addFailure(db, email, t);
        const step = throttleAfterFailure(failures);
        if (step.lock) {
          await setLock(db, email, new Date(t.getTime() + LOCK_MS), failures);
          if (user)
            await recordAudit(db, {
              actor: { kind: 'anonymous' },
              action: 'user.lock',
              recordType: 'user',
              recordId: user.id,
              after: { lockedForMinutes: LOCK_MS / 60000 },
            });
          return { ok: false, reason: 'locked' };
        }
        if (step.delayMs) await opts.sleep(step.delayMs);
        return { ok: false, reason: 'invalid' };
      }
      await setLock(db, email, null, 0);
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
