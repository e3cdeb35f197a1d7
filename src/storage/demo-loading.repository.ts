// The row that says a demo is being loaded (migration 2026-12-03-20-demo-loading), and the lock
// under which a start decides whether to load it, so two processes starting on one empty
// PostgreSQL database neither load it twice nor take the other's load for an unfinished one.
import type { Db } from './database.ts';
import { holdSessionLock } from './session-lock.ts';

/** Held from before a start looks at the database until its demo has loaded (or it decided not to). */
export function holdDemoLock(db: Db): Promise<(() => Promise<void>) | null> {
  return holdSessionLock(db, 'itas:demo-loading');
}

/** When a demo began loading and has not finished; null when none is marked. */
export async function demoLoadingSince(db: Db): Promise<Date | null> {
  const row = await db.selectFrom('demo_loading').select('started_at').executeTakeFirst();
  return row?.started_at ?? null;
}

/**
 * Marks the demo as loading, in a statement of its own (committed before the demo's first).
 * A second mark fails on the one-row key rather than hide the first.
 */
export async function markDemoLoadingRow(db: Db, at: Date): Promise<void> {
  await db.insertInto('demo_loading').values({ started_at: at }).execute();
}

/** The demo's last step: it has loaded. */
export async function clearDemoLoadingRow(db: Db): Promise<void> {
  await db.deleteFrom('demo_loading').execute();
}
