// Counts in bulk (response-recount.ts: texts tallied in JS; count-tally.ts: the import's rows
// tallied as they stream and added by COPY) equal what the SQL recount stores, for any answers,
// NULLs included.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyResponses } from '../../src/storage/response-copy.ts';
import { tallyAnswers } from '../../src/storage/response-recount.ts';
import { recountAgencies, type AgencyCounts } from '../../src/storage/response.repository.ts';
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

  it('the import adds what recountAgencies stores, onto counts already there', async () => {
    const { rows: agencies } = await sql<{ code: string }>`
      select code from agencies order by code`.execute(t.db);
    const codes = agencies.map((a) => a.code);
    const next = seededResponseRows(7);
    // Twice into the same agencies: the second import adds to the counts of the first. Straight
    // into responses (a file read again if need be) and through the staging table (a stream).
    const first = next(400, codes);
    for (const [rows, rereadable] of [
      [first, true],
      [next(300, codes), false],
      // Again, with 50 new rows: the straight COPY meets a stored id; the file is read again.
      [[...first, ...next(50, codes)], true],
    ] as const)
      await copyResponses(t.db, 2563, { rereadable }, async (add) => {
        for (const r of rows) await add(r);
      });
    const added = await snapshot();
    expect(added.answers.length).toBeGreaterThan(0);
    expect(added.respondents.reduce((n, r) => n + r.n, 0)).toBe(750);
    await t.db.transaction().execute((tx) => recountAgencies(tx, 2563, codes));
    expect(await snapshot()).toEqual(added);
  });
});
