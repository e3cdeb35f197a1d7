// Computing score cards: counts match a recount, cards match the pure scorer, recompute is
// idempotent, missing data is explicit, and exports write what formats.md promises.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { answerColumns } from '../../src/domain/framework/helpers.ts';
import { scoreAgency } from '../../src/domain/scoring/score.ts';
import type { AnswerCounts, ScoreCard } from '../../src/domain/scoring/types.ts';
import { findScoreCard, upsertScoreCards } from '../../src/storage/score-card.repository.ts';
import { subItemOf } from '../../src/domain/framework/helpers.ts';
import { resultsTable } from '../../src/exports/results-table.ts';
import { writeTableStream } from '../../src/exports/stream-export.ts';
import type { Services } from '../../src/services/container.ts';
import { runDueJobs, registerBuiltInJobs } from '../../src/jobs/worker.ts';
import pino from 'pino';
import type { TestDb } from '../helpers/db.ts';
import { framework, oitCsv, responsesCsv, createYearDb } from '../helpers/results-fixtures.ts';
import { seededRandom } from '../../src/demo/answer-generator.ts';
import { problemTexts } from '../../src/i18n/problem-text.ts';

let t: TestDb;
let s: Services;
beforeAll(async () => {
  ({ t, s } = await createYearDb());
  await s.imports.importResponses(
    SYSTEM_CLI,
    2563,
    'r.csv',
    responsesCsv(['T-PRV', 'T-PAO', 'T-SAO1', 'T-SAO2'], 15),
  );
  // T-SAO2 gets no OIT: its OIT (and overall) must be null with the reason.
  await s.imports.importOit(SYSTEM_CLI, 2563, 'o.csv', oitCsv(['T-PRV', 'T-PAO', 'T-SAO1']));
  await s.results.computeYear(2563);
});
afterAll(() => t.close());

/** Answer counts rebuilt in TypeScript from the stored responses, independent of the SQL. */
async function countsFromScratch(agency: string): Promise<AnswerCounts> {
  const rows = await t.db
    .selectFrom('responses')
    .select(['tool', 'answers'])
    .where('agency_code', '=', agency)
    .execute();
  const out: Record<string, number[]> = {};
  for (const r of rows) {
    const cols = answerColumns(framework, r.tool);
    r.answers.forEach((a, i) => {
      if (a === null) return;
      const col = cols[i]!;
      const scale = subItemOf(framework, col)!.item.scale;
      const c = (out[col] ??= scale === 'yes_good' || scale === 'no_good' ? [0, 0] : [0, 0, 0, 0]);
      c[a - 1]!++;
    });
  }
  return out;
}

async function storedCounts(agency: string) {
  const { rows } = await sql<{
    tool: 'IIT' | 'EIT';
    item: number;
    c1: number;
    c2: number;
    c3: number;
    c4: number;
  }>`
    select tool, item, c1, c2, c3, c4 from answer_counts where agency_code = ${agency}`.execute(
    t.db,
  );
  const out: Record<string, number[]> = {};
  for (const r of rows) {
    const col = answerColumns(framework, r.tool)[r.item - 1]!;
    const scale = subItemOf(framework, col)!.item.scale;
    out[col] =
      scale === 'yes_good' || scale === 'no_good' ? [r.c1, r.c2] : [r.c1, r.c2, r.c3, r.c4];
  }
  return out;
}

describe('answer counts', () => {
  it('equal a recount from scratch after random submissions through the service', async () => {
    const rnd = seededRandom(42);
    const iit = answerColumns(framework, 'IIT');
    for (let i = 0; i < 25; i++) {
      const answers: Record<string, string> = {};
      for (const c of iit) {
        if (rnd() < 0.1) continue; // some skipped
        const yn = ['yes_good', 'no_good'].includes(subItemOf(framework, c)!.item.scale);
        answers[c] = yn ? (rnd() < 0.5 ? 'Y' : 'N') : String(1 + Math.floor(rnd() * 4));
      }
      const r = await s.responses.submit({
        responseId: randomUUID(),
        fiscalYear: 2563,
        agencyCode: rnd() < 0.5 ? 'T-SAO1' : 'T-SAO2',
        tool: 'IIT',
        answers,
        demographics: { gender: 'female' },
        submittedOn: '2020-06-02',
      });
      expect(r).toEqual({ ok: true, value: { created: true } });
    }
    registerBuiltInJobs();
    while ((await runDueJobs(s, pino({ level: 'silent' }))) > 0);
    for (const a of ['T-SAO1', 'T-SAO2'])
      expect(await storedCounts(a)).toEqual(await countsFromScratch(a));
  });

  it('a year compute repairs counts that went stale and rewrites only those', async () => {
    // Stale in three ways: a count off, a count missing, a respondent total off.
    await sql`update answer_counts set c1 = c1 + 5
      where agency_code = 'T-PRV' and tool = 'IIT' and item = 1`.execute(t.db);
    await sql`delete from answer_counts
      where agency_code = 'T-PAO' and tool = 'EIT' and item = 2`.execute(t.db);
    await sql`update respondent_counts set n = n + 1
      where agency_code = 'T-SAO1' and tool = 'IIT'`.execute(t.db);
    const untouched = async () =>
      (
        await sql<{ x: string }>`select xmin::text as x from answer_counts
          where agency_code = 'T-SAO2' order by tool, item`.execute(t.db)
      ).rows.map((r) => r.x);
    const before = await untouched();
    await s.results.computeYear(2563);
    for (const a of ['T-PRV', 'T-PAO', 'T-SAO1', 'T-SAO2'])
      expect(await storedCounts(a)).toEqual(await countsFromScratch(a));
    const { rows } = await sql<{ n: number }>`select n from respondent_counts
      where agency_code = 'T-SAO1' and tool = 'IIT'`.execute(t.db);
    const { rows: real } = await sql<{ n: number }>`select count(*)::int as n from responses
      where agency_code = 'T-SAO1' and tool = 'IIT'`.execute(t.db);
    expect(rows[0]!.n).toBe(real[0]!.n);
    expect(await untouched()).toEqual(before);
  });

  it('submit is idempotent and refuses bad answers per field in Thai and English', async () => {
    const input = {
      responseId: randomUUID(),
      fiscalYear: 2563,
      agencyCode: 'T-PAO',
      tool: 'EIT' as const,
      answers: { 'E1.1': '4' },
      demographics: {},
      submittedOn: '2020-06-03',
    };
    expect(await s.responses.submit(input)).toEqual({ ok: true, value: { created: true } });
    expect(await s.responses.submit(input)).toEqual({ ok: true, value: { created: false } });
    const bad = await s.responses.submit({
      ...input,
      responseId: randomUUID(),
      answers: { 'E1.1': '7', 'I1.1': '2' },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.map((p) => p.field).sort()).toEqual(['E1.1', 'I1.1']);
      expect(bad.error.every((p) => problemTexts(p).th !== '' && problemTexts(p).en !== '')).toBe(
        true,
      );
    }
  });
});

describe('score cards', () => {
  it('store what the pure scorer gives for the stored counts and OIT scores', async () => {
    await s.results.computeYear(2563);
    const counts = await countsFromScratch('T-PRV');
    const resp = await t.db
      .selectFrom('respondent_counts')
      .select(['tool', 'n'])
      .where('agency_code', '=', 'T-PRV')
      .execute();
    const oit = await t.db
      .selectFrom('oit_entries')
      .select(['item', 'score'])
      .where('agency_code', '=', 'T-PRV')
      .where('is_current', '=', true)
      .execute();
    const expected = scoreAgency(framework, {
      answers: counts,
      respondents: {
        IIT: resp.find((r) => r.tool === 'IIT')!.n,
        EIT: resp.find((r) => r.tool === 'EIT')!.n,
      },
      oit: Object.fromEntries(oit.map((o) => [o.item, o.score!])),
    });
    const [stored] = await s.results.results(SYSTEM_CLI, 2563, { agencyCode: 'T-PRV' });
    expect(stored!.overall).toBe(expected.overall);
    expect(stored!.tools).toEqual(expected.tools);
    expect(stored!.level).toBe(expected.level);
    expect(stored!.overall).toBeGreaterThan(70);
  });

  it('recompute is idempotent: same inputs leave the same row', async () => {
    const read = () =>
      t.db
        .selectFrom('score_cards')
        .selectAll()
        .where('agency_code', '=', 'T-PAO')
        .executeTakeFirstOrThrow();
    await s.results.recomputeAgencies(2563, ['T-PAO']); // takes in the response submitted above
    const before = await read();
    await s.results.recomputeAgencies(2563, ['T-PAO']);
    await s.results.computeYear(2563);
    expect(await read()).toEqual(before);
  });

  it('a tool without data gives null overall, level and pass with the tool in missing', async () => {
    const [r] = await s.results.results(SYSTEM_CLI, 2563, { agencyCode: 'T-SAO2' });
    expect(r).toMatchObject({ overall: null, level: null, passed: null, missing: ['OIT'] });
    expect(r!.tools.OIT).toBeNull();
    expect(r!.tools.IIT).not.toBeNull();
  });
});

describe('exports', () => {
  const collect = async (format: 'csv' | 'json' | 'xlsx') => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    await writeTableStream(
      format,
      resultsTable(framework),
      s.results.streamResults(SYSTEM_CLI, 2563),
      out,
      s.clock,
    );
    out.end();
    return Buffer.concat(chunks);
  };

  it('CSV has a BOM and 2 decimals; JSON keeps full precision', async () => {
    const json = JSON.parse((await collect('json')).toString('utf8')) as {
      agency_code: string;
      overall: number | null;
      missing: string[];
    }[];
    const prv = json.find((r) => r.agency_code === 'T-PRV')!;
    const stored = await t.db
      .selectFrom('score_cards')
      .select('overall')
      .where('agency_code', '=', 'T-PRV')
      .executeTakeFirstOrThrow();
    expect(prv.overall).toBe(stored.overall);
    expect(json.find((r) => r.agency_code === 'T-SAO2')!.missing).toEqual(['OIT']);
    const csv = (await collect('csv')).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = csv.slice(1).trim().split('\n');
    const cols = header!.split(',');
    const prvLine = lines.find((l) => l.startsWith('T-PRV,'))!.split(',');
    expect(prvLine[cols.indexOf('overall')]).toBe(stored.overall!.toFixed(2));
    expect(prvLine[cols.indexOf('overall')]).toMatch(/^\d+\.\d\d$/);
  });

  it('XLSX reads back with exceljs: one row per agency, Thai names, 2-decimal scores', async () => {
    const buf = await collect('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('results')!;
    expect(ws.rowCount).toBe(1 + 4);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const codes = [2, 3, 4, 5].map((i) => ws.getRow(i).getCell(1).value);
    expect(codes).toEqual(['T-PAO', 'T-PRV', 'T-SAO1', 'T-SAO2']);
    const row = ws.getRow(3);
    expect(row.getCell(header.indexOf('name_th') + 1).value).toBe('จังหวัดทดสอบ');
    const overall = row.getCell(header.indexOf('overall') + 1);
    expect(overall.numFmt).toBe('0.00');
    expect(Math.round(Number(overall.value) * 100)).toBe(Number(overall.value) * 100);
  });
});

describe('a stored card', () => {
  it('reads back exactly as scored: every double, null and text, whatever its characters', async () => {
    const before = (await findScoreCard(t.db, 2563, 'T-SAO2'))!.card;
    const awkward = [0.1 + 0.2, 100 / 3, 1e-7, 83.33333333333333, 5e-324, 99.99999999999999];
    const card: ScoreCard = {
      ...before,
      overall: awkward[1]!,
      tools: { IIT: awkward[0]!, EIT: null, OIT: awkward[5]! },
      subItems: { 'I1.1': awkward[2]!, 'I1.2': awkward[3]!, 'I1.3': awkward[4]!, 'I1.4': null },
      level: 'A "quoted" \\ ระดับ',
      missing: [{ tool: 'EIT', reason: 'no_respondents', detail: 'x\ny\t"z"' }],
    };
    await upsertScoreCards(t.db, 2563, [{ agencyCode: 'T-SAO2', card }]);
    const stored = await findScoreCard(t.db, 2563, 'T-SAO2');
    expect(stored!.card).toEqual(card);
    for (const [i, v] of Object.values(stored!.card.subItems).entries())
      expect(Object.is(v, card.subItems[Object.keys(card.subItems)[i]!])).toBe(true);
    expect(Object.is(stored!.card.overall, awkward[1])).toBe(true);
    // Put back what the scorer gives.
    await s.results.recomputeAgencies(2563, ['T-SAO2']);
    expect((await findScoreCard(t.db, 2563, 'T-SAO2'))!.card).toEqual(before);
  });
});
