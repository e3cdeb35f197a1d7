// Reads and writes browser sessions and one-time tokens (password reset, invitation), both
// stored only as SHA-256 hashes of the secret the browser or e-mail holds.
import type { Db } from './database.ts';

export interface SessionRecord {
  idHash: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export async function insertSession(db: Db, s: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      idle_expires_at: s.idleExpiresAt,
      absolute_expires_at: s.absoluteExpiresAt,
    })
    .execute();
}

export async function findSession(db: Db, idHash: string): Promise<SessionRecord | undefined> {
  const r = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  return r
    ? {
        idHash: r.id_hash,
        userId: r.user_id,
        createdAt: new Date(r.created_at),
        lastSeenAt: new Date(r.last_seen_at),
        idleExpiresAt: new Date(r.idle_expires_at),
        absoluteExpiresAt: new Date(r.absolute_expires_at),
      }
    : undefined;
}

export async function touchSession(
  db: Db,
  idHash: string,
  seen: Date,
  idleExpires: Date,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: seen, idle_expires_at: idleExpires })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user except, optionally, one to keep. Returns how many ended. */
export async function deleteUserSessions(
  db: Db,
  userId: string,
  keepHash?: string,
): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepHash) q = q.where('id_hash', '!=', keepHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
    .execute();
}

export async function insertToken(
  db: Db,
  t: {
    idHash: string;
    purpose: 'reset' | 'invitation';
    userId: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('one_time_tokens')
    .values({
      id_hash: t.idHash,
      purpose: t.purpose,
      user_id: t.userId,
      created_at: t.createdAt,
      expires_at: t.expiresAt,
    })
    .execute();
}

/** A token that is unused and unexpired, without using it (showing the form must not spend it). */
export async function findLiveToken(
  db: Db,
  idHash: string,
  purpose: 'reset' | 'invitation',
  now: Date,
): Promise<{ userId: string } | undefined> {
  const r = await db
    .selectFrom('one_time_tokens')
    .select('user_id')
    .where('id_hash', '=', idHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r ? { userId: r.user_id } : undefined;
}

/** Spends a token atomically: of two simultaneous uses, only one gets the user id back. */
export async function useToken(
  db: Db,
  idHash: string,
  purpose: 'reset' | 'invitation',
  now: Date,
): Promise<{ userId: string } | undefined> {
  const r = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('id_hash', '=', idHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return r ? { userId: r.user_id } : undefined;
}

/** Spends every open token of one purpose for a user (a new reset link voids the older ones). */
export async function useAllTokens(
  db: Db,
  userId: string,
  purpose: 'reset' | 'invitation',
  now: Date,
): Promise<void> {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
