// The agency register and its reference lists (provinces, districts). Frozen: never edit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('provinces')
    .addColumn('name_th', 'text', (c) => c.primaryKey())
    .addColumn('name_en', 'text')
    .addColumn('region', 'text')
    .execute();
  await db.schema
    .createTable('districts')
    .addColumn('province', 'text', (c) => c.notNull().references('provinces.name_th'))
    .addColumn('name_th', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('districts_pk', ['province', 'name_th'])
    .execute();
  await db.schema
    .createTable('agencies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_th', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.references('provinces.name_th'))
    .addColumn('district', 'text')
    .addColumn('parent_code', 'text', (c) =>
      c.references('agencies.code').modifyEnd(sql`deferrable initially deferred`),
    )
    .addColumn('website', 'text')
    .addColumn('staff_count', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('agencies_province_type')
    .on('agencies')
    .columns(['province', 'type'])
    .execute();
  await db.schema.createIndex('agencies_type').on('agencies').column('type').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agencies').execute();
  await db.schema.dropTable('districts').execute();
  await db.schema.dropTable('provinces').execute();
}
