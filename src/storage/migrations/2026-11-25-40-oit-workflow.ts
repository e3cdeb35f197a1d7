// OIT workflow: each agency's state for a year (with its history) and the link checks' findings.
// Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

const STATUSES = sql`status in ('draft', 'submitted', 'reviewed', 'clarification_requested', 're_reviewed', 'confirmed')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oit_agency_states')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('status', 'text', (c) => c.notNull().check(STATUSES))
    .addColumn('review_started_at', 'timestamptz')
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('oit_agency_states_pk', ['fiscal_year', 'agency_code'])
    .execute();

  // Append-only: every change of an agency's state, for the history view.
  await db.schema
    .createTable('oit_agency_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('oit_agency_events_agency')
    .on('oit_agency_events')
    .columns(['fiscal_year', 'agency_code', 'id'])
    .execute();

  // One row per URL checked; the newest per (year, agency, item, url) is what screens show.
  await db.schema
    .createTable('oit_link_checks')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('http_status', 'integer')
    .addColumn('final_url', 'text')
    .addColumn('content_type', 'text')
    .addColumn('title', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('content_hash', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await db.schema
    .createIndex('oit_link_checks_agency')
    .on('oit_link_checks')
    .columns(['fiscal_year', 'agency_code', 'item', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['oit_link_checks', 'oit_agency_events', 'oit_agency_states'])
    await db.schema.dropTable(t).execute();
}
