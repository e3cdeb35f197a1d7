// The survey abuse counters keep nothing finer than the day (issue 12): a counter's key is an
// HMAC of what it counts *and its window* under the day's key (services/survey-keys.ts), so the
// window start and its end, which dated the submission written next to them, are no longer
// columns. The worker deletes past days' counters. Counters are short-lived (UNLOGGED) state:
// the old table goes with its rows and rate limits start afresh; so do pending jobs of the
// queued purge this replaces. Frozen: never edit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_counters').execute();
  await db.schema
    .createTable('survey_counters')
    .modifyFront(sql`unlogged`)
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .execute();
  // The worker deletes past days' counters itself now: the queued purge (a job row with a
  // time, every minute) is gone, and no handler would take a pending one.
  await sql`delete from jobs where kind = 'survey-purge'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_counters').execute();
  await db.schema
    .createTable('survey_counters')
    .modifyFront(sql`unlogged`)
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_counters_pk', ['bucket', 'window_start'])
    .execute();
  await db.schema
    .createIndex('survey_counters_expiry')
    .on('survey_counters')
    .column('expires_at')
    .execute();
}
