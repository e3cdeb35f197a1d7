// Score cards keep their figures as `json` (the text as written) instead of `jsonb` (issue 17.3).
// jsonb stores each number as `numeric`, so writing a national year's cards spent much of the
// database's time turning some 1.2 million doubles into numerics, and every read turned them back
// into text. The cards are only ever stored and read whole, never searched inside, so nothing
// here needs jsonb's operators or indexes. Numbers keep full precision either way: the text is
// each double's shortest exact form, which JavaScript reads back as the same double.
// Frozen: never edit; add a migration.
import { sql, type Kysely } from 'kysely';

const COLUMNS = [
  'tools',
  'indicators',
  'sub_indicators',
  'questions',
  'sub_items',
  'missing',
  'respondents',
  'sample',
] as const;

async function retype(db: Kysely<unknown>, to: 'json' | 'jsonb'): Promise<void> {
  const alter = COLUMNS.map(
    (c) => sql`alter column ${sql.ref(c)} type ${sql.raw(to)} using ${sql.ref(c)}::${sql.raw(to)}`,
  );
  await sql`alter table score_cards alter column sample drop default, ${sql.join(alter)}`.execute(
    db,
  );
  await sql`alter table score_cards alter column sample set default ${sql.raw(`'{}'::${to}`)}`.execute(
    db,
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await retype(db, 'json');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await retype(db, 'jsonb');
}
