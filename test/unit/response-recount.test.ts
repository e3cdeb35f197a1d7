// The bulk recount (response-recount.ts: one read per range of agencies, tallied in JS, written
// by COPY) stores exactly what the SQL recount stores, for any answers, NULLs included.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/services/container.ts';
import { recountMany, tallyAnswers } from '../../src/storage/response-recount.ts';
import {
  insertResponses,
  recountAgencies,
  type AgencyCounts,
} from '../../src/storage/response.repository.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { setUpYear } from '../helpers/results-fixtures.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await setUpYear(createServices(t.db));
});
afterAll(() => t.close());

const snapshot = async () => ({
  answers: (
    await sql`select agency_code, tool, item, c1, c2, c3, c4 from answer_counts
      where fiscal_year = 2563 order by 1, 2, 3`.execute(t.db)
  ).rows,
  respondents: (
    await sql`select agency_code, tool, n from respondent_counts
      where fiscal_year = 2563 order by 1, 2`.execute(t.db)
  ).rows,
});

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
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rows = Array.from({ length: 400 }, () => {
      const tool = rnd() < 0.5 ? ('IIT' as const) : ('EIT' as const);
      return {
        responseId: crypto.randomUUID(),
        fiscalYear: 2563,
        agencyCode: codes[Math.floor(rnd() * codes.length)]!,
        tool,
        answers: Array.from({ length: tool === 'IIT' ? 30 : 12 }, () =>
          rnd() < 0.2 ? null : 1 + Math.floor(rnd() * 4),
        ),
        gender: null,
        ageBand: null,
        education: null,
        contactType: null,
        submittedOn: null,
      };
    });
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
