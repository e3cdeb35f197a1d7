// Minimum sample (issue 13.4): each score card keeps its survey tools' minimum sample and whether
// the respondents fell below it, so every output can mark such an agency. Cards computed before
// this migration read as "minimum unknown" until they are recomputed.
// Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('score_cards')
    .addColumn('sample', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('score_cards').dropColumn('sample').execute();
}
