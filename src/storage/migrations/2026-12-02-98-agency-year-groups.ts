// An agency's group (and size S/M/L) in one assessment year (issue 15.5): the year's framework
// may give fixed survey minimums per group. Imported with the register (docs/formats.md).
// Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agency_year_groups')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('agency_group', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.check(sql`size in ('S', 'M', 'L')`))
    .addPrimaryKeyConstraint('agency_year_groups_pk', ['fiscal_year', 'agency_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agency_year_groups').execute();
}
