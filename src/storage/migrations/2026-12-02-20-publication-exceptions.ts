// Publication readiness (issue 13): agencies the NACC lets a year be published without a confirmed
// OIT, each with a reason. Recording and removing one is audited (audit_log keeps the history).
// Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publication_oit_exceptions')
    .addColumn('fiscal_year', 'integer', (c) =>
      c.notNull().references('assessment_years.fiscal_year'),
    )
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('publication_oit_exceptions_pk', ['fiscal_year', 'agency_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publication_oit_exceptions').execute();
}
