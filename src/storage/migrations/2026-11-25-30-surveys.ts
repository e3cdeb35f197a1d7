// The survey year's calendar, survey links, drafts, sample targets and abuse-resistance tables.
// None of these shares a key or a timestamp with `responses`. Frozen: never edit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // '' as agency_code means "every agency"; a row with a code is that agency's extension.
  await db.schema
    .createTable('calendar_phases')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('calendar_phases_pk', ['fiscal_year', 'phase', 'agency_code'])
    .addCheckConstraint('calendar_phases_order', sql`opens_on <= closes_on`)
    .execute();

  await db.schema
    .createTable('survey_links')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('single_use_iit', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('rotated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('survey_links_pk', ['fiscal_year', 'agency_code'])
    .execute();

  await db.schema
    .createTable('survey_targets')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('iit_population', 'integer')
    .addColumn('eit_population', 'integer')
    .addPrimaryKeyConstraint('survey_targets_pk', ['fiscal_year', 'agency_code'])
    .execute();

  // A respondent's unfinished answers under the hash of an opaque cookie token. Not a response.
  await db.schema
    .createTable('survey_drafts')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('link_code', 'text', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_drafts_expiry')
    .on('survey_drafts')
    .column('expires_at')
    .execute();

  // Fixed-window counters: rate limits and burst detection. Rows expire with their window.
  // UNLOGGED: no WAL flush on every hit; after a crash the counters restart empty, which is fine.
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

  // The day's salt for hashing network prefixes; old salts are deleted so hashes cannot be linked.
  await db.schema
    .createTable('survey_salts')
    .modifyFront(sql`unlogged`)
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();

  // How often a given answer set was seen per agency (a hash of the answers only).
  await db.schema
    .createTable('survey_fingerprints')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('seen', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_fingerprints_pk', [
      'fiscal_year',
      'agency_code',
      'tool',
      'fingerprint',
    ])
    .execute();

  await db.schema
    .createTable('survey_anomalies')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurrences', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_anomalies_pk', ['fiscal_year', 'agency_code', 'tool', 'kind'])
    .execute();

  // Single-use IIT access codes: only a hash is kept; `used` has no time on purpose.
  await db.schema
    .createTable('survey_access_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('used', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createIndex('survey_access_codes_agency')
    .on('survey_access_codes')
    .columns(['fiscal_year', 'agency_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'survey_access_codes',
    'survey_anomalies',
    'survey_fingerprints',
    'survey_salts',
    'survey_counters',
    'survey_drafts',
    'survey_targets',
    'survey_links',
    'calendar_phases',
  ])
    await db.schema.dropTable(t).execute();
}
