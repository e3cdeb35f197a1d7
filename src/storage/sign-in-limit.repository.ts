// Sign-in attempt counters (fixed windows) per network, per account on a network and per account.
// Keys arrive already hashed; this file only counts.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface LimitCount {
  key: string;
  attempts: number;
  windowStart: Date;
  trustedUntil: Date | null;
}

/**
 * Counts one attempt against every key in ONE statement and returns the new counts: each row is
 * locked while it is incremented, so of 40 simultaneous guesses exactly one sees each count and
 * no more pass a limit than it allows. A window older than `windowMs` starts again at 1.
 */
export async function countAttempt(
  db: Db,
  keys: string[],
  now: Date,
  windowMs: number,
): Promise<LimitCount[]> {
  const floor = new Date(now.getTime() - windowMs);
  const values = sql.join(keys.map((k) => sql`(${k}, ${now}, 1, ${now})`));
  const r = await sql<{
    key: string;
    attempts: number;
    window_start: Date | string;
    trusted_until: Date | string | null;
  }>`insert into sign_in_limits as l (key, window_start, attempts, updated_at)
    values ${values}
    on conflict (key) do update set
      attempts = case when l.window_start <= ${floor} then 1 else l.attempts + 1 end,
      window_start = case when l.window_start <= ${floor} then ${now} else l.window_start end,
      updated_at = ${now}
    returning key, attempts, window_start, trusted_until`.execute(db);
  return r.rows.map((x) => ({
    key: x.key,
    attempts: Number(x.attempts),
    windowStart: new Date(x.window_start),
    trustedUntil: x.trusted_until ? new Date(x.trusted_until) : null,
  }));
}

/**
 * After a good password: the account's counter on this network starts again and the network
 * becomes one of the account's usual places; the network gets its attempt back (an office of
 * people signing in correctly never fills its limit).
 */
export async function recordSuccess(
  db: Db,
  accountOnNetwork: string,
  network: string,
  now: Date,
  trustedUntil: Date,
): Promise<void> {
  await sql`update sign_in_limits set
      attempts = case when key = ${accountOnNetwork} then 0 else greatest(attempts - 1, 0) end,
      trusted_until = case when key = ${accountOnNetwork} then ${trustedUntil} else trusted_until end,
      updated_at = ${now}
    where key in (${accountOnNetwork}, ${network})`.execute(db);
}

/** Drops counters whose window is over and that mark no usual place. */
export async function deleteStaleLimits(db: Db, now: Date, windowMs: number): Promise<void> {
  await db
    .deleteFrom('sign_in_limits')
    .where('window_start', '<=', new Date(now.getTime() - windowMs))
    .where((eb) => eb.or([eb('trusted_until', 'is', null), eb('trusted_until', '<=', now)]))
    .execute();
}
