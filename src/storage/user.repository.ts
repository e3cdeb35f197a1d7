// Reads and writes accounts and their role grants.
import { sql } from 'kysely';
import type { RoleGrant, Role } from '../domain/actor.ts';
import type { Db } from './database.ts';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  disabled: boolean;
  createdAt: Date;
}

export interface UserWithGrants extends UserRecord {
  grants: RoleGrant[];
}

const COLUMNS = ['id', 'email', 'display_name', 'password_hash', 'disabled', 'created_at'] as const;

type Row = {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  disabled: boolean;
  created_at: Date;
};

function toUser(r: Row): UserRecord {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    disabled: r.disabled,
    createdAt: new Date(r.created_at),
  };
}

export async function insertUser(
  db: Db,
  u: { email: string; displayName: string; passwordHash: string | null },
): Promise<UserRecord> {
  const r = await db
    .insertInto('users')
    .values({ email: u.email, display_name: u.displayName, password_hash: u.passwordHash })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!r) throw new Error(`duplicate e-mail ${u.email}`);
  return toUser(r);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const r = await db
    .selectFrom('users')
    .select(COLUMNS)
    .where('email', '=', email)
    .executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const r = await db.selectFrom('users').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function listUsers(db: Db): Promise<UserWithGrants[]> {
  const users = (await db.selectFrom('users').select(COLUMNS).execute()).map(toUser);
  const grants = await db.selectFrom('role_grants').select(['user_id', 'role', 'scope']).execute();
  return users.map((u) => ({
    ...u,
    grants: grants.filter((g) => g.user_id === u.id).map(toGrant),
  }));
}

function toGrant(g: { role: string; scope: string }): RoleGrant {
  return { role: g.role as Role, scope: g.scope === '' ? null : g.scope };
}

export async function findGrants(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select(['role', 'scope'])
    .where('user_id', '=', userId)
    .orderBy('role')
    .orderBy('scope')
    .execute();
  return rows.map(toGrant);
}

/** Users holding a role scoped to this value (e.g. the admins or auditors of one agency). */
export async function findUsersWithGrant(db: Db, role: Role, scope: string): Promise<UserRecord[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select(['users.id', 'email', 'display_name', 'password_hash', 'disabled', 'users.created_at'])
    .where('role_grants.role', '=', role)
    .where('role_grants.scope', '=', scope)
    .execute();
  return rows.map(toUser);
}

/** Returns false when the grant already existed. */
export async function insertGrant(db: Db, userId: string, g: RoleGrant): Promise<boolean> {
  const r = await db
    .insertInto('role_grants')
    .values({ user_id: userId, role: g.role, scope: g.scope ?? '' })
    .onConflict((oc) => oc.columns(['user_id', 'role', 'scope']).doNothing())
    .returning('role')
    .executeTakeFirst();
  return r !== undefined;
}

/** Returns false when there was no such grant. */
export async function deleteGrant(db: Db, userId: string, g: RoleGrant): Promise<boolean> {
  const r = await db
    .deleteFrom('role_grants')
    .where('user_id', '=', userId)
    .where('role', '=', g.role)
    .where('scope', '=', g.scope ?? '')
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function updateUser(
  db: Db,
  id: string,
  set: { passwordHash?: string; disabled?: boolean; displayName?: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(set.passwordHash !== undefined ? { password_hash: set.passwordHash } : {}),
      ...(set.disabled !== undefined ? { disabled: set.disabled } : {}),
      ...(set.displayName !== undefined ? { display_name: set.displayName } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}
