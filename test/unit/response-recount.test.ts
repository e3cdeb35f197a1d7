// The bulk recount (response-recount.ts: one read per range of agencies, tallied in JS, written
// by COPY) stores exactly what the SQL recount stores, for any answers, NULLs included.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recountMany, tallyAnswers } from '../../src/storage/response-recount.ts';
import {
  insertResponses,
  recountAgencies,
  type AgencyCounts,
} from '../../src/storage/response.repository.ts';
import type { TestDb } from '../helpers/db.ts';
import { createYearDb, seededResponseRows, storedCounts2563 } from '../helpers/results-fixtures.ts';

let t: TestDb;
beforeAll(async () => {
  ({ t } = await createYearDb());
});
afterAll(() => t.close());

const snapshot = () => storedCounts2563(t.db);

describe('bulk recount', () => {
  it('tallies answer texts like the SQL recount: NULLs skipped, positions from 1', () => {
    const out = new Map<string, AgencyCounts>();
    tallyAnswers(out, 'A', 'IIT', 3, '1,,4;2,2,;,,3');
    expect(out.get('A')).toEqual({
      agencyCode: 'A',
      respondents: { IIT: 3, EIT: 0 },
      counts: {
        IIT: [
          [1, 1, 1, 0, 0],
          [2, 0, 1, 0, 0],
          [3, 0, 0, 1, 1],
        ],
        EIT: [],
      },
    });
  });

  it('stores what recountAgencies stores, for many agencies at once', async () => {
    const { rows: agencies } = await sql<{ code: string }>`
      select code from agencies order by code`.execute(t.db);
    const codes = agencies.map((a) => a.code);
    const rows = seededResponseRows(7)(400, codes);
    // Stored as an import stores them (it recounts afterwards), so none is left pending.
    await insertResponses(t.db, rows, { recounted: true });
    await t.db.transaction().execute((tx) => recountAgencies(tx, 2563, codes));
    const bySql = await snapshot();
    expect(bySql.answers.length).toBeGreaterThan(0);
    // Stale counts, and counts of an agency that has none: both replaced.
    await sql`update answer_counts set c1 = c1 + 5 where fiscal_year = 2563`.execute(t.db);
    await sql`delete from respondent_counts where fiscal_year = 2563 and tool = 'EIT'`.execute(
      t.db,
    );
    await recountMany(t.db, 2563, codes);
    expect(await snapshot()).toEqual(bySql);
  });
});
