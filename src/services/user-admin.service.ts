// Administration of accounts by the NACC: invite, create (CLI), give and take roles, disable.
import type { Actor, RoleGrant } from '../domain/actor.ts';
import { canAdministerAccounts } from '../domain/access.ts';
import {
  INVITATION_TOKEN_MS,
  isEmail,
  normalizeEmail,
  passwordProblem,
  scopeKind,
  type AccountSummary,
} from '../domain/account.ts';
import { compareThai } from '../i18n/format.ts';
import { en } from '../i18n/en.ts';
import { th } from '../i18n/th.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { loadReference } from '../storage/reference.repository.ts';
import { deleteUserSessions, insertToken } from '../storage/session.repository.ts';
import {
  deleteGrant,
  findGrants,
  findUserByEmail,
  findUserById,
  insertGrant,
  insertUser,
  listUsers,
  updateUser,
  type UserRecord,
  type UserWithGrants,
} from '../storage/user.repository.ts';
import { recordAudit } from './audit.service.ts';
import { hashPassword } from './auth.service.ts';
import { problem } from '../domain/problem.ts';
import type { UserRefusal } from '../domain/problem-params/access.ts';
import { forbidden, notFound, orPage, Refusal, type ServiceError } from './errors.ts';
import type { MailService } from './mail.service.ts';
import { hashSecret, newSecret } from './secret.ts';
import type { ServiceConfig, ServiceContext } from './service-options.ts';

/** What the users pages and the CLI are given of an account: no password hash. */
function summary({ passwordHash, ...u }: UserWithGrants): AccountSummary {
  return { ...u, hasPassword: passwordHash !== null };
}

export interface NewUser {
  email: string;
  displayName: string;
  grant: RoleGrant;
  /** Set directly (CLI); without it an invitation is mailed to set the first password. */
  password?: string;
}

function refuse(actor: Actor) {
  if (!canAdministerAccounts(actor))
    throw forbidden(problem('', 'user_refused', { reason: 'notAdmin' }));
}

/** The input of the users' forms a refusal is about, when one is (the form shows it there). */
const FIELD_OF: Partial<Record<UserRefusal, string>> = {
  scopeMissing: 'scope',
  noSuchAgency: 'scope',
  noSuchProvince: 'scope',
  grantExists: 'scope',
  badEmail: 'email',
  emailTaken: 'email',
  badName: 'name',
};

const fail = (status: 404 | 409 | 422, reason: UserRefusal) =>
  new Refusal(status, problem(FIELD_OF[reason] ?? '', 'user_refused', { reason }));

const publicUser = (u: UserRecord) => ({
  email: u.email,
  displayName: u.displayName,
  disabled: u.disabled,
});

/** A change made on one user's page. */
export type UserChange = { grant: RoleGrant } | { revoke: RoleGrant } | { disabled: boolean };

export function createUserAdminService({
  db,
  clock,
  config,
  mail,
}: Pick<ServiceContext, 'db' | 'clock'> & {
  config: Pick<ServiceConfig, 'publicUrl'>;
  mail: MailService;
}) {
  /** The scope must name something real: an agency in the register, a province in the list. */
  async function checkGrant(g: RoleGrant): Promise<RoleGrant> {
    const kind = scopeKind(g.role);
    const scope = g.scope?.trim() ?? '';
    if (kind === 'none') return { role: g.role, scope: null };
    if (!scope) throw fail(422, 'scopeMissing');
    if (kind === 'agency' && !(await findAgency(db, scope))) throw fail(422, 'noSuchAgency');
    if (kind === 'province' && !(await loadReference(db)).provinces.has(scope))
      throw fail(422, 'noSuchProvince');
    return { role: g.role, scope };
  }

  async function mustFind(id: string): Promise<UserRecord> {
    const u = await findUserById(db, id);
    if (!u) throw notFound(problem('', 'user_refused', { reason: 'noSuchUser' }));
    return u;
  }

  async function invitationMail(u: UserRecord): Promise<string> {
    const token = newSecret();
    const t = clock();
    await insertToken(db, {
      idHash: hashSecret(token),
      purpose: 'invitation',
      userId: u.id,
      createdAt: t,
      expiresAt: new Date(t.getTime() + INVITATION_TOKEN_MS),
    });
    const link = `${config.publicUrl}/invitation/${token}`;
    await mail.send({
      to: u.email,
      subject: `${th.accounts.mail.inviteSubject} / ${en.accounts.mail.inviteSubject}`,
      text: `${th.accounts.mail.inviteBody(u.displayName, link)}\n\n---\n\n${en.accounts.mail.inviteBody(u.displayName, link)}`,
      secrets: [link],
    });
    return link;
  }

  const users = {
    async list(actor: Actor): Promise<AccountSummary[]> {
      refuse(actor);
      const all = (await listUsers(db)).map(summary);
      return all.sort(
        (a, b) => compareThai(a.displayName, b.displayName) || a.email.localeCompare(b.email),
      );
    },

    async get(actor: Actor, id: string): Promise<AccountSummary> {
      refuse(actor);
      const u = await mustFind(id);
      return summary({ ...u, grants: await findGrants(db, u.id) });
    },

    /**
     * Creates an account with one role. With a password (CLI) it is ready at once; otherwise an
     * invitation link is mailed and returned.
     */
    async create(
      actor: Actor,
      n: NewUser,
    ): Promise<{ user: UserRecord; invitationLink: string | null }> {
      refuse(actor);
      const email = normalizeEmail(n.email);
      const displayName = n.displayName.trim();
      if (!isEmail(email)) throw fail(422, 'badEmail');
      if (!displayName || displayName.length > 200) throw fail(422, 'badName');
      if (n.password !== undefined && passwordProblem(n.password)) throw fail(422, 'badPassword');
      const grant = await checkGrant(n.grant);
      if (await findUserByEmail(db, email)) throw fail(409, 'emailTaken');
      const passwordHash = n.password !== undefined ? await hashPassword(n.password) : null;
      const user = await db.transaction().execute(async (tx) => {
        const u = await insertUser(tx, { email, displayName, passwordHash });
        await insertGrant(tx, u.id, grant);
        await recordAudit(tx, {
          actor,
          action: n.password !== undefined ? 'user.create' : 'user.invite',
          recordType: 'user',
          recordId: u.id,
          after: { ...publicUser(u), grants: [grant] },
        });
        return u;
      });
      const invitationLink = n.password === undefined ? await invitationMail(user) : null;
      return { user, invitationLink };
    },

    async grantRole(actor: Actor, userId: string, g: RoleGrant): Promise<void> {
      refuse(actor);
      const u = await mustFind(userId);
      const grant = await checkGrant(g);
      await db.transaction().execute(async (tx) => {
        const before = await findGrants(tx, u.id);
        if (!(await insertGrant(tx, u.id, grant))) throw fail(409, 'grantExists');
        await recordAudit(tx, {
          actor,
          action: 'user.role.grant',
          recordType: 'user',
          recordId: u.id,
          before: { grants: before },
          after: { grants: await findGrants(tx, u.id) },
        });
      });
    },

    async revokeRole(actor: Actor, userId: string, g: RoleGrant): Promise<void> {
      refuse(actor);
      const u = await mustFind(userId);
      // Nobody removes their own NACC role: the last administrator could lock everyone out.
      if (actor.kind === 'user' && actor.userId === u.id && g.role === 'nacc_admin')
        throw fail(409, 'ownAdminRole');
      await db.transaction().execute(async (tx) => {
        const before = await findGrants(tx, u.id);
        if (!(await deleteGrant(tx, u.id, { role: g.role, scope: g.scope || null })))
          throw fail(404, 'noSuchGrant');
        await recordAudit(tx, {
          actor,
          action: 'user.role.revoke',
          recordType: 'user',
          recordId: u.id,
          before: { grants: before },
          after: { grants: await findGrants(tx, u.id) },
        });
      });
    },

    /** Disabling ends the person's sessions at once; enabling lets them sign in again. */
    async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<void> {
      refuse(actor);
      const u = await mustFind(userId);
      if (disabled && actor.kind === 'user' && actor.userId === u.id)
        throw fail(409, 'disableSelf');
      await db.transaction().execute(async (tx) => {
        await updateUser(tx, u.id, { disabled });
        if (disabled) await deleteUserSessions(tx, u.id);
        await recordAudit(tx, {
          actor,
          action: disabled ? 'user.disable' : 'user.enable',
          recordType: 'user',
          recordId: u.id,
          before: { disabled: u.disabled },
          after: { disabled },
        });
      });
    },

    /**
     * The users page's invitation: a refusal of the input (409, 422) comes back with the list to
     * show it on, so the page is one call either way.
     */
    invite: (actor: Actor, n: NewUser) =>
      orPage(
        () => users.create(actor, n),
        (e): e is ServiceError => e.status === 409 || e.status === 422,
        () => users.list(actor),
      ),

    /**
     * A change on one user's page; a refusal other than 403 comes back with the user's page (a
     * user not found is a 404 again when the page is read).
     */
    change: (actor: Actor, userId: string, change: UserChange) =>
      orPage(
        () =>
          'grant' in change
            ? users.grantRole(actor, userId, change.grant)
            : 'revoke' in change
              ? users.revokeRole(actor, userId, change.revoke)
              : users.setDisabled(actor, userId, change.disabled),
        (e): e is ServiceError => e.status !== 403,
        () => users.get(actor, userId),
      ),

    async disableByEmail(actor: Actor, email: string): Promise<void> {
      refuse(actor);
      const u = await findUserByEmail(db, normalizeEmail(email));
      if (!u) throw notFound(problem('', 'user_refused', { reason: 'noSuchUser' }));
      await users.setDisabled(actor, u.id, true);
    },
  };
  return users;
}

export type UserAdminService = ReturnType<typeof createUserAdminService>;
