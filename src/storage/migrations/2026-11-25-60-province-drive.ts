// The province's drive: committee orders and members, coordinators, MOUs, training, reminder
// templates and sent reminders. Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('drive_committee_orders')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('ordered_on', 'date', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('drive_committee_orders_year')
    .on('drive_committee_orders')
    .columns(['province', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('drive_committee_members')
    .addColumn('order_id', 'bigint', (c) =>
      c.notNull().references('drive_committee_orders.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`role in ('chair', 'vice_chair', 'member', 'working_group', 'secretary', 'assistant_secretary')`,
        ),
    )
    .addPrimaryKeyConstraint('drive_committee_members_pk', ['order_id', 'seq'])
    .execute();

  await db.schema
    .createTable('drive_coordinators')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('fax', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('drive_coordinators_agency')
    .on('drive_coordinators')
    .columns(['fiscal_year', 'agency_code'])
    .execute();

  // One MOU per party and year. A party is an assessed agency (agency_code) or a provincial
  // office that is part of the province unit and so not in the register (party_name only).
  await db.schema
    .createTable('drive_mous')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('province', 'district')`))
    .addColumn('district', 'text')
    .addColumn('party_name', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.references('agencies.code'))
    .addColumn('first_signer', 'text', (c) => c.notNull())
    .addColumn('party_signer', 'text')
    .addColumn('signed_on', 'date')
    .addColumn('place', 'text')
    .addColumn('witnesses', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('copies_made', 'integer')
    .addColumn('copies_kept', 'integer')
    .addColumn('copies_sent', 'integer')
    .addColumn('published_url', 'text')
    .addColumn('link_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unchecked')
        .check(sql`link_status in ('unchecked', 'ok', 'broken')`),
    )
    .addColumn('link_checked_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('drive_mous_party', ['province', 'fiscal_year', 'party_name'])
    .execute();

  await db.schema
    .createTable('drive_training_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('drive_training_attendance')
    .addColumn('event_id', 'bigint', (c) =>
      c.notNull().references('drive_training_events.id').onDelete('cascade'),
    )
    .addColumn('party_name', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.references('agencies.code'))
    .addColumn('people', 'integer', (c) => c.notNull().check(sql`people > 0`))
    .addPrimaryKeyConstraint('drive_training_attendance_pk', ['event_id', 'party_name'])
    .execute();

  await db.schema
    .createTable('drive_reminder_templates')
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('drive_reminder_templates_pk', ['province', 'key'])
    .execute();
  await db.schema
    .createTable('drive_reminders')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('agency_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'drive_reminders',
    'drive_reminder_templates',
    'drive_training_attendance',
    'drive_training_events',
    'drive_mous',
    'drive_coordinators',
    'drive_committee_members',
    'drive_committee_orders',
  ])
    await db.schema.dropTable(t).execute();
}
