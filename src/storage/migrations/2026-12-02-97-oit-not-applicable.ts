// OIT answers may be "not applicable" (issue 15.5) where the year's framework allows it; the
// explanation the agency must give is kept in the entry's note, so only the answer check widens.
// Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The 2026-11-25 column check got PostgreSQL's default name on both engines.
  await sql`alter table oit_entries drop constraint oit_entries_answer_check`.execute(db);
  await sql`alter table oit_entries add constraint oit_entries_answer_check
    check (answer in ('has', 'has_not', 'not_applicable'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table oit_entries drop constraint oit_entries_answer_check`.execute(db);
  await sql`alter table oit_entries add constraint oit_entries_answer_check
    check (answer in ('has', 'has_not'))`.execute(db);
}
