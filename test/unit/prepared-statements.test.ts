// Marked statements are prepared once per connection on PostgreSQL (the survey write path
// relies on it); unmarked ones are not. PGlite has no named statements: there the marker is only
// a comment, so this runs in the PostgreSQL test run.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { prepared } from '../../src/storage/prepared-statements.ts';

const url = process.env.DATABASE_URL;

describe.skipIf(!url?.startsWith('postgres'))('prepared statements on PostgreSQL', () => {
  let db: Db;
  beforeAll(async () => {
    // One connection, so every statement below runs in the same session.
    db = await openDatabase({ kind: 'postgres', url: url! }, { poolSize: 1 });
  });
  afterAll(() => db?.destroy());

  it('prepares a marked statement once and reuses it; leaves others alone', async () => {
    for (const v of [1, 2, 3]) {
      const { rows } = await sql<{
        n: number;
      }>`${prepared('test_double')} select (${v}::int * 2) as n`.execute(db);
      expect(rows).toEqual([{ n: v * 2 }]);
    }
    await sql`select ${1}::int as unmarked`.execute(db);
    const { rows } = await sql<{ name: string }>`
      select name from pg_prepared_statements order by name`.execute(db);
    expect(rows).toEqual([{ name: 'test_double' }]);
  });
});

describe('prepared statement names', () => {
  it('must be plain identifiers', () => {
    expect(() => prepared('x; drop table responses')).toThrow(/a-z and _ only/);
  });
});
