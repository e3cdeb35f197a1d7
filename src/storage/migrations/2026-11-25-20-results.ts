// Assessment years, survey responses (privacy by construction), answer counts, the job queue,
// OIT entries (versioned), score cards and past results. Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_years')
    .addColumn('fiscal_year', 'integer', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('announcement_th', 'text')
    .addColumn('announcement_en', 'text')
    .execute();

  // Privacy (design.md): the agency, tool, year, answers, coarse demographics and the day only.
  // No timestamp, IP, user agent, cookie, device or user column, ever; a test guards the list.
  await db.schema
    .createTable('responses')
    .addColumn('response_id', 'text', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'integer', (c) =>
      c.notNull().references('assessment_years.fiscal_year'),
    )
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('tool', 'text', (c) => c.notNull().check(sql`tool in ('IIT', 'EIT')`))
    .addColumn('answers', sql`smallint[]`, (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('age_band', 'text')
    .addColumn('education', 'text')
    .addColumn('contact_type', 'text')
    .addColumn('submitted_on', 'date')
    .execute();
  await db.schema
    .createIndex('responses_agency')
    .on('responses')
    .columns(['fiscal_year', 'agency_code', 'tool'])
    .execute();

  await db.schema
    .createTable('answer_counts')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('item', 'smallint', (c) => c.notNull())
    .addColumn('c1', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('c2', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('c3', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('c4', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('answer_counts_pk', ['fiscal_year', 'agency_code', 'tool', 'item'])
    .execute();
  await db.schema
    .createTable('respondent_counts')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('respondent_counts_pk', ['fiscal_year', 'agency_code', 'tool'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text')
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('run_after', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('failed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Coalescing: at most one pending (unclaimed, not failed) job per kind and key.
  await sql`create unique index jobs_pending_key on jobs (kind, key)
    where key is not null and locked_until is null and failed_at is null`.execute(db);
  await sql`create index jobs_due on jobs (run_after) where failed_at is null`.execute(db);

  await db.schema
    .createTable('oit_entries')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('fiscal_year', 'integer', (c) =>
      c.notNull().references('assessment_years.fiscal_year'),
    )
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(
          sql`status in ('draft', 'submitted', 'reviewed', 'clarification_requested', 're_reviewed', 'confirmed')`,
        ),
    )
    .addColumn('answer', 'text', (c) => c.check(sql`answer in ('has', 'has_not')`))
    .addColumn('urls', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('note', 'text')
    .addColumn('score', 'smallint', (c) => c.check(sql`score in (0, 100)`))
    .addColumn('comment', 'text')
    .addColumn('dispute', 'text')
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('import', 'agency', 'auditor')`),
    )
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('oit_entries_version', ['fiscal_year', 'agency_code', 'item', 'version'])
    .execute();
  await sql`create unique index oit_entries_current on oit_entries (fiscal_year, agency_code, item)
    where is_current`.execute(db);

  await db.schema
    .createTable('score_cards')
    .addColumn('fiscal_year', 'integer', (c) =>
      c.notNull().references('assessment_years.fiscal_year'),
    )
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('overall', 'double precision')
    .addColumn('level', 'text')
    .addColumn('passed', 'boolean')
    .addColumn('iit', 'double precision')
    .addColumn('eit', 'double precision')
    .addColumn('oit', 'double precision')
    .addColumn('tools', 'jsonb', (c) => c.notNull())
    .addColumn('indicators', 'jsonb', (c) => c.notNull())
    .addColumn('sub_indicators', 'jsonb', (c) => c.notNull())
    .addColumn('questions', 'jsonb', (c) => c.notNull())
    .addColumn('sub_items', 'jsonb', (c) => c.notNull())
    .addColumn('missing', 'jsonb', (c) => c.notNull())
    .addColumn('respondents', 'jsonb', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('score_cards_pk', ['fiscal_year', 'agency_code'])
    .execute();

  await db.schema
    .createTable('past_results')
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('overall', 'double precision', (c) => c.notNull())
    .addColumn('iit', 'double precision')
    .addColumn('eit', 'double precision')
    .addColumn('oit', 'double precision')
    .addColumn('level', 'text')
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('past_results_pk', ['agency_code', 'fiscal_year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'past_results',
    'score_cards',
    'oit_entries',
    'jobs',
    'respondent_counts',
    'answer_counts',
    'responses',
    'assessment_years',
  ])
    await db.schema.dropTable(t).execute();
}
