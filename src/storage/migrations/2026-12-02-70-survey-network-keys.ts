// Network keys of the survey abuse counters are now an HMAC under a key derived from the survey
// secret in configuration (SURVEY_SECRET) and the day: the database no longer holds the salt
// that let anyone holding it try every IPv4 /24 and recover a counter's network.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_salts').ifExists().execute();
  // Counters named under the old salted hash are reversible with the salt just dropped.
  await sql`delete from survey_counters where bucket like 'net:%' or bucket like 'burst:%'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_salts')
    .modifyFront(sql`unlogged`)
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
}
