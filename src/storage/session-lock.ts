// A PostgreSQL advisory lock held for longer than a transaction (a whole demo load): on a
// connection of its own, outside the pool, so it takes no slot the guarded work needs (a pool of
// one would wait on itself), and PostgreSQL lets it go when that connection ends — when the
// holder finishes, or its process dies half way.
import pg from 'pg';
import { serverUrl, type Db } from './database.ts';

/**
 * Waits for the lock named `key` on the database's server and holds it until the returned
 * function is called. Null on PGlite: the embedded database has one owner already (its folder's
 * lock, pglite-lock.ts), so nothing else can take part.
 */
export async function holdSessionLock(
  db: Db,
  key: string,
  onConnectionError: (err: Error) => void = () => undefined,
): Promise<(() => Promise<void>) | null> {
  const url = serverUrl(db);
  if (!url) return null;
  // No time limit on the wait (a server-wide statement_timeout included): the holder is another
  // process's start, and its lock ends with its work or its connection.
  const client = new pg.Client({ connectionString: url, statement_timeout: 0, lock_timeout: 0 });
  client.on('error', onConnectionError);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [key]);
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
  return () => client.end().catch(() => undefined);
}
