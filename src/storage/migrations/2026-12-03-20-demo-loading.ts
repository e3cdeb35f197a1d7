// The demo being loaded, as one row in the database itself (storage/demo-loading.repository.ts):
// written in its own statement before the demo's first one and deleted after its last, so a start
// that finds it knows a demo was left half loaded, which a PostgreSQL server's tables alone
// cannot tell (an embedded folder has its own marker file beside it: unfinished-demo.ts).
// Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('demo_loading')
    // One row at most: the key can only be true.
    .addColumn('one_row', 'boolean', (c) =>
      c
        .primaryKey()
        .defaultTo(true)
        .check(sql`one_row`),
    )
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('demo_loading').execute();
}
