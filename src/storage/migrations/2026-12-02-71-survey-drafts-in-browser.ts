// Unfinished survey answers now travel sealed (AES-256-GCM) in the respondent's own browser and
// the server stores nothing before the final submit: the draft table, which held the future
// response id and the single-use access code beside a timestamp, goes with what it holds.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_drafts').ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_drafts')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('link_code', 'text', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
