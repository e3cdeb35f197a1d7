// Anonymous submissions (ADR 0007): a spent single-use code leaves no row behind (its row is
// deleted, so no transaction id or flag of the spend sits beside a response), the agency keeps
// only how many codes it issued, and new answers mark their agency for a recompute in a table
// whose rows hold the year and agency only: no time, no count. Frozen: never edit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_access_code_totals')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('issued', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_access_code_totals_pk', ['fiscal_year', 'agency_code'])
    .execute();
  await sql`insert into survey_access_code_totals (fiscal_year, agency_code, issued)
    select fiscal_year, agency_code, count(*)::int from survey_access_codes
    group by fiscal_year, agency_code`.execute(db);
  await sql`delete from survey_access_codes where used`.execute(db);
  await db.schema.alterTable('survey_access_codes').dropColumn('used').execute();

  // "This agency has new answers": set after the answers are stored, drained by the worker.
  await db.schema
    .createTable('recompute_marks')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recompute_marks_pk', ['fiscal_year', 'agency_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recompute_marks').execute();
  await db.schema
    .alterTable('survey_access_codes')
    .addColumn('used', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.dropTable('survey_access_code_totals').execute();
}
