// Sign-in limits per network, per (account, network) and per account, counted in one statement
// (issue 14). Replaces the per-address counters (users.failed_attempts/locked_until and
// sign_in_throttle), which anyone could use to lock an account out. Frozen: never edit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_limits')
    // 'n:' network, 'an:' account on a network, 'a:' account; e-mail and network are hashed.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    // On 'an:' keys: the account signed in from this network, so it is one of the owner's usual
    // places and the account-wide limit does not apply to it until then.
    .addColumn('trusted_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('sign_in_limits_updated')
    .on('sign_in_limits')
    .column('updated_at')
    .execute();
  await db.schema.dropTable('sign_in_throttle').execute();
  await db.schema.alterTable('users').dropColumn('failed_attempts').execute();
  await db.schema.alterTable('users').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('locked_until', 'timestamptz').execute();
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.dropTable('sign_in_limits').execute();
}
