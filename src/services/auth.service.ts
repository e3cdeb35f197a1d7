// Signing in and out, sessions, password changes and resets, and accepting an invitation.
// Signing in itself (limits, password check) is sign-in.ts.
import { verify } from '@node-rs/argon2';
import type { Actor } from '../domain/actor.ts';
import {
  RESET_TOKEN_MS,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  SIGN_IN_WINDOW_MS,
  normalizeEmail,
  passwordProblem,
} from '../domain/account.ts';
import { en } from '../i18n/en.ts';
import { th } from '../i18n/th.ts';
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
import { deleteStaleLimits } from '../storage/sign-in-limit.repository.ts';
import { findUserByEmail, findUserById, updateUser } from '../storage/user.repository.ts';
import { recordAudit } from './audit.service.ts';
import { bare, problem } from '../domain/problem.ts';
import { Refusal } from './errors.ts';
import type { MailService } from './mail.service.ts';
import { hashSecret, looksLikeSecret, newSecret } from './secret.ts';
import { createSignIn, hashPassword, userActor } from './sign-in.ts';
import type { ServiceConfig, ServiceContext } from './service-options.ts';

export { hashPassword, userActor, type SignInResult } from './sign-in.ts';

export interface SignedIn {
  actor: Extract<Actor, { kind: 'user' }>;
  displayName: string;
  sessionHash: string;
}

function checkPassword(pw: string) {
  const p = passwordProblem(pw);
  if (p) throw new Refusal(422, problem('', 'password_invalid', { reason: p }));
}

export function createAuthService({
  db,
  clock,
  config,
  mail,
  sleep,
}: Pick<ServiceContext, 'db' | 'clock'> & {
  /** The address in reset links; the key of the sign-in limits' hashed networks and e-mails. */
  config: Pick<ServiceConfig, 'publicUrl' | 'secretKey'>;
  mail: MailService;
  /** How sign-in waits out its slowdown (tests record it instead). */
  sleep: (ms: number) => Promise<void>;
}) {
  async function newSession(userId: string): Promise<string> {
    const token = newSecret();
    const t = clock();
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

  async function spendToken(
    token: string,
    purpose: 'reset' | 'invitation',
    password: string,
    requestId?: string,
  ) {
    checkPassword(password);
    if (!looksLikeSecret(token)) return false;
    const passwordHash = await hashPassword(password);
    return db.transaction().execute(async (tx) => {
      const used = await useToken(tx, hashSecret(token), purpose, clock());
      if (!used) return false;
      const user = await findUserById(tx, used.userId);
      if (!user || user.disabled) return false;
      await updateUser(tx, user.id, { passwordHash });
      // A new password ends every session that the old one (or a thief) opened.
      await deleteUserSessions(tx, user.id);
      await useAllTokens(tx, user.id, 'reset', clock());
      await recordAudit(tx, {
        actor: await userActor(tx, user, requestId),
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
    signIn: createSignIn({ db, clock, config, sleep, newSession }),

    /** The signed-in user behind a session cookie, or null when absent, expired or disabled. */
    async resolveSession(token: string | undefined): Promise<SignedIn | null> {
      if (!looksLikeSecret(token)) return null;
      const idHash = hashSecret(token);
      const s = await findSession(db, idHash);
      if (!s) return null;
      const t = clock();
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
      await deleteExpiredSessions(db, clock());
      await deleteStaleLimits(db, clock(), SIGN_IN_WINDOW_MS);
    },

    /** Ends every session of the signed-in user, on every device. */
    async signOutEverywhere(actor: Actor): Promise<number> {
      if (actor.kind !== 'user') throw new Refusal(403, bare('', 'sign_in_first'));
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
      if (actor.kind !== 'user') throw new Refusal(403, bare('', 'sign_in_first'));
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
      const t = clock();
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
      const link = `${config.publicUrl}/reset-password/${token}`;
      await mail.send({
        to: user.email,
        subject: `${th.accounts.mail.resetSubject} / ${en.accounts.mail.resetSubject}`,
        text: `${th.accounts.mail.resetBody(user.displayName, link)}\n\n---\n\n${en.accounts.mail.resetBody(user.displayName, link)}`,
        secrets: [link],
      });
    },

    /** Whether a reset or invitation link can still be used (showing the form does not spend it). */
    async tokenEmail(token: string, purpose: 'reset' | 'invitation'): Promise<string | null> {
      if (!looksLikeSecret(token)) return null;
      const live = await findLiveToken(db, hashSecret(token), purpose, clock());
      const user = live ? await findUserById(db, live.userId) : undefined;
      return user && !user.disabled ? user.email : null;
    },

    /**
     * Sets a new password from a reset link; false when the link is used, expired or unknown.
     * `requestId`: the HTTP request using the link, named in the audit (ADR 0029).
     */
    resetPassword: (token: string, password: string, requestId?: string) =>
      spendToken(token, 'reset', password, requestId),

    /** Sets the first password from an invitation link (`requestId` as for resetPassword). */
    acceptInvitation: (token: string, password: string, requestId?: string) =>
      spendToken(token, 'invitation', password, requestId),

    /** Opens a session without a password: for the CLI and tests only, never a route. */
    openSessionFor: (userId: string) => newSession(userId),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
