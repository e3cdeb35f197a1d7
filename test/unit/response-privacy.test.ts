// Guards design.md's privacy law: the responses table may hold only these columns, and no time.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.ts';

/** Every column a response may have. Adding one here needs a privacy review (design.md). */
const ALLOWED = [
  'response_id',
  'fiscal_year',
  'agency_code',
  'tool',
  'answers',
  'gender',
  'age_band',
  'education',
  'contact_type',
  'submitted_on',
];

describe('responses table privacy', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it('has only allow-listed columns and no timestamp or time column', async () => {
    const { rows } = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name = 'responses'`.execute(t.db);
    expect(rows.length).toBeGreaterThan(0);
    const names = rows.map((r) => r.column_name);
    expect(names.filter((n) => !ALLOWED.includes(n))).toEqual([]);
    const timeLike = rows.filter((r) => /time|interval/i.test(r.data_type));
    expect(timeLike).toEqual([]);
    // A day is allowed, never an instant.
    expect(rows.find((r) => r.column_name === 'submitted_on')?.data_type).toBe('date');
  });
});
