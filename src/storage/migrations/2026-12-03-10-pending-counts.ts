// Responses stored but not yet counted (issue 17.5, ADR 0023): the survey path's insert writes
// each new response's id here in the same statement, and the recompute adds just those answers
// to the stored counts, so its cost follows the new answers, not the agency's size.
// The invariant from here on: stored counts = the counts of (responses − pending_counts).
// Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pending_counts')
    .addColumn('response_id', 'text', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pending_counts_agency')
    .on('pending_counts')
    .columns(['fiscal_year', 'agency_code'])
    .execute();
  // Agencies still marked for a recompute may have answers their counts lack: before this
  // migration the recompute recounted them from `responses`; from now on it adds pending answers
  // only. Recount them once here, so the invariant holds from the start.
  await sql`delete from answer_counts a using recompute_marks m
    where a.fiscal_year = m.fiscal_year and a.agency_code = m.agency_code`.execute(db);
  await sql`insert into answer_counts (fiscal_year, agency_code, tool, item, c1, c2, c3, c4)
    select r.fiscal_year, r.agency_code, r.tool, u.ord::smallint,
      (count(*) filter (where u.a = 1))::int, (count(*) filter (where u.a = 2))::int,
      (count(*) filter (where u.a = 3))::int, (count(*) filter (where u.a = 4))::int
    from responses r
      join recompute_marks m on m.fiscal_year = r.fiscal_year and m.agency_code = r.agency_code,
      unnest(r.answers) with ordinality as u(a, ord)
    where u.a is not null
    group by r.fiscal_year, r.agency_code, r.tool, u.ord`.execute(db);
  await sql`delete from respondent_counts c using recompute_marks m
    where c.fiscal_year = m.fiscal_year and c.agency_code = m.agency_code`.execute(db);
  await sql`insert into respondent_counts (fiscal_year, agency_code, tool, n)
    select r.fiscal_year, r.agency_code, r.tool, count(*)::int
    from responses r
      join recompute_marks m on m.fiscal_year = r.fiscal_year and m.agency_code = r.agency_code
    group by r.fiscal_year, r.agency_code, r.tool`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pending_counts').execute();
}
