// Imports of responses, OIT and past results: all or nothing, located errors, idempotent.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { ImportRejected } from '../../src/services/import-rejected.ts';
import { worded } from '../helpers/import-issues.ts';
import type { Services } from '../../src/services/container.ts';
import type { TestDb } from '../helpers/db.ts';
import {
  createYearDb,
  oitCsv,
  responsesCsv,
  seededResponseRows,
  storedCounts2563,
} from '../helpers/results-fixtures.ts';
import { insertResponses, recountAgencies } from '../../src/storage/response.repository.ts';

let t: TestDb;
let s: Services;
beforeAll(async () => {
  ({ t, s } = await createYearDb());
});
afterAll(() => t.close());

const count = async (table: 'responses' | 'oit_entries' | 'past_results') =>
  (
    await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('import responses', () => {
  it('imports a good file, counts answers per agency, and a re-import adds nothing', async () => {
    const csv = responsesCsv(['T-PRV', 'T-SAO1'], 10);
    const r = await s.imports.importResponses(SYSTEM_CLI, 2563, 'responses.csv', csv);
    expect(r).toEqual({ rows: 40, inserted: 40, agencies: 2 });
    const again = await s.imports.importResponses(
      SYSTEM_CLI,
      2563,
      'responses.csv',
      `\uFEFF${csv}`,
    );
    expect(again.inserted).toBe(0);
    expect(Number(await count('responses'))).toBe(40);
    const resp = await t.db
      .selectFrom('respondent_counts')
      .selectAll()
      .orderBy('agency_code')
      .orderBy('tool')
      .execute();
    expect(resp.map((x) => [x.agency_code, x.tool, x.n])).toEqual([
      ['T-PRV', 'EIT', 10],
      ['T-PRV', 'IIT', 10],
      ['T-SAO1', 'EIT', 10],
      ['T-SAO1', 'IIT', 10],
    ]);
  });

  it('keeps counts equal to the responses: beside pending answers, ids stored already or twice, a file refused', async () => {
    const codes = ['T-PAO', 'T-SAO2'];
    const snapshot = () => storedCounts2563(t.db);
    // Answers of the survey path, not yet counted (pending, ADR 0023).
    await insertResponses(t.db, seededResponseRows(11)(6, codes));
    const first = responsesCsv(codes, 6);
    expect(await s.imports.importResponses(SYSTEM_CLI, 2563, 'a.csv', first)).toMatchObject({
      inserted: 24,
    });
    const [header, ...rows] = first.trimEnd().split('\n');
    const idAt = header!.split(',').indexOf('response_id');
    const withId = (line: string, id: string) =>
      line
        .split(',')
        .map((c, i) => (i === idAt ? id : c))
        .join(',');
    const twice = randomUUID();
    const fresh = responsesCsv(['T-SAO2'], 2).trimEnd().split('\n').slice(1);
    // Two rows stored already, one id twice, four new rows.
    const second = [header, rows[0], rows[7], withId(rows[1]!, twice), withId(rows[8]!, twice)]
      .concat(fresh)
      .join('\n');
    expect(await s.imports.importResponses(SYSTEM_CLI, 2563, 'b.csv', second)).toMatchObject({
      rows: 8,
      inserted: 5,
    });
    const before = await snapshot();
    const refused = [header, ...responsesCsv(['T-PAO'], 2).trimEnd().split('\n').slice(1)];
    refused[2] = refused[2]!.replace(/,T-PAO,/, ',NO-SUCH,');
    await expect(
      s.imports.importResponses(SYSTEM_CLI, 2563, 'c.csv', refused.join('\n')),
    ).rejects.toThrow(ImportRejected);
    expect(await snapshot()).toEqual(before);
    // Whatever is still pending added, the counts are those of a recount from scratch.
    await s.results.recomputeAgencies(2563, codes);
    const counted = await snapshot();
    const { rows: stored } = await sql<{ n: number }>`select count(*)::int as n from responses
      where agency_code = any(${codes})`.execute(t.db);
    // 6 of the survey path, 24 of the first file, 5 of the second.
    expect(stored[0]!.n).toBe(35);
    expect(
      counted.respondents.filter((r) => codes.includes(r.agency_code)).reduce((n, r) => n + r.n, 0),
    ).toBe(35);
    await t.db.transaction().execute((tx) => recountAgencies(tx, 2563, codes));
    expect(await snapshot()).toEqual(counted);
  });

  it('writes responses and their counts in its transaction, nothing else (ADR 0007, 0025)', async () => {
    const csv = responsesCsv(['T-SAO3'], 2);
    await s.imports.importResponses(SYSTEM_CLI, 2563, 'x.csv', csv);
    const ids = csv
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[csv.split(',').indexOf('response_id')]!);
    const { rows: own } = await sql<{ x: string }>`select distinct xmin::text as x
      from responses where response_id = any(${ids})`.execute(t.db);
    expect(own).toHaveLength(1);
    const { rows: tables } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.db);
    const sharing: string[] = [];
    for (const { table_name } of tables) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n
        from ${sql.table(table_name)} where xmin::text = ${own[0]!.x}`.execute(t.db);
      if (rows[0]!.n) sharing.push(table_name);
    }
    expect(sharing.sort()).toEqual(['answer_counts', 'respondent_counts', 'responses']);
  });

  it('rejects a file with one bad row whole, naming line, column and the expected value', async () => {
    const good = responsesCsv(['T-PAO'], 3).trimEnd().split('\n');
    const header = good[0]!.split(',');
    const bad = good[2]!.split(',');
    bad[header.indexOf('I1.1')] = '5';
    const eitRow = good[5]!.split(',');
    eitRow[header.indexOf('I2.1')] = '3'; // an IIT column on an EIT row
    const lines = [good[0], good[1], bad.join(','), good[3], good[4], eitRow.join(','), good[6]];
    const before = Number(await count('responses'));
    const e = await s.imports
      .importResponses(SYSTEM_CLI, 2563, 'bad.csv', lines.join('\n'))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportRejected);
    const issues = worded((e as ImportRejected).issues);
    expect(issues).toContainEqual(expect.objectContaining({ line: 3, column: 'I1.1' }));
    expect(issues.find((i) => i.column === 'I1.1')?.en).toContain('1–4');
    expect(issues.find((i) => i.column === 'I1.1')?.th).toContain('1–4');
    expect(issues).toContainEqual(expect.objectContaining({ line: 6, column: 'I2.1' }));
    expect((e as Error).message).toContain('bad.csv');
    expect(Number(await count('responses'))).toBe(before);
  });

  it('rejects an unknown item column in the header', async () => {
    const e = await s.imports
      .importResponses(
        SYSTEM_CLI,
        2563,
        'x.csv',
        'response_id,agency_code,tool,I99.1\nabc,T-PAO,IIT,1\n',
      )
      .catch((x: unknown) => x);
    expect(worded((e as ImportRejected).issues)[0]).toMatchObject({ line: 1, column: 'I99.1' });
  });
});

describe('import OIT', () => {
  it('keeps versions: an unchanged re-import writes nothing, a change makes a new version', async () => {
    const csv = oitCsv(['T-PRV']);
    const first = await s.imports.importOit(SYSTEM_CLI, 2563, 'oit.csv', csv);
    expect(first).toMatchObject({ rows: 43, changed: 43 });
    expect((await s.imports.importOit(SYSTEM_CLI, 2563, 'oit.csv', csv)).changed).toBe(0);
    const changed = csv.replace(/^T-PRV,O1,.*$/m, 'T-PRV,O1,has,https://x.example/o1,,100,ok');
    expect((await s.imports.importOit(SYSTEM_CLI, 2563, 'oit.csv', changed)).changed).toBe(1);
    const { rows } = await sql<{ version: number; is_current: boolean }>`
      select version, is_current from oit_entries where agency_code = 'T-PRV' and item = 'O1'
      order by version`.execute(t.db);
    expect(rows).toEqual([
      { version: 1, is_current: false },
      { version: 2, is_current: true },
    ]);
  });

  it('rejects a bad score and an unknown item with their lines', async () => {
    const csv = 'agency_code,item,score\nT-PAO,O1,100\nT-PAO,O44,0\nT-PAO,O2,50\n';
    const e = (await s.imports
      .importOit(SYSTEM_CLI, 2563, 'o.csv', csv)
      .catch((x: unknown) => x)) as ImportRejected;
    expect(worded(e.issues).map((i) => [i.line, i.column])).toEqual([
      [3, 'item'],
      [4, 'score'],
    ]);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from oit_entries where agency_code = 'T-PAO'`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('import past results', () => {
  it('upserts by agency and year and checks the level against the bands', async () => {
    const csv = 'agency_code,fiscal_year,overall,level\nT-PRV,2562,90.35,\nT-PAO,2562,59.99,D\n';
    expect(await s.imports.importResults(SYSTEM_CLI, 'results.csv', csv)).toEqual({
      rows: 2,
      inserted: 2,
      updated: 0,
    });
    expect(await s.imports.importResults(SYSTEM_CLI, 'results.csv', csv)).toEqual({
      rows: 2,
      inserted: 0,
      updated: 2,
    });
    const bad = 'agency_code,fiscal_year,overall,level\nT-PRV,2561,90.35,B\n';
    const e = (await s.imports
      .importResults(SYSTEM_CLI, 'r.csv', bad)
      .catch((x: unknown) => x)) as ImportRejected;
    expect(worded(e.issues)[0]).toMatchObject({ line: 2, column: 'level' });
    expect(worded(e.issues)[0]!.en).toContain('(expected A)');
    expect(Number(await count('past_results'))).toBe(2);
  });
});
