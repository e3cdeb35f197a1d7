// Formula injection (issue 14): a coordinator or an agency named =HYPERLINK(…) must reach the
// province's and the NACC's spreadsheets as text, in CSV and XLSX, while numbers stay numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { systemClock } from '../../src/clock.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { safeCell, unquoteCell } from '../../src/domain/spreadsheet-cell.ts';
import { csvText } from '../../src/exports/csv.ts';
import { writeTableStream } from '../../src/exports/stream-export.ts';
import { tablesToXlsx } from '../../src/exports/table-export.ts';
import { readTable } from '../../src/services/table-reader.ts';
import { createTestApp } from '../helpers/app.ts';
import { clientFor, createStandardAccounts, FORM, type Client } from '../helpers/sessions.ts';

const rowsOf = (text: string): string[][] => parse(text, { bom: true });
const EVIL = '=HYPERLINK("http://evil.example","x")';

async function sheetCells(buf: Buffer | Uint8Array): Promise<ExcelJS.Cell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const cells: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
}

function expectNoFormula(cells: ExcelJS.Cell[]) {
  expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  for (const c of cells)
    if (typeof c.value === 'string')
      expect(c.value, 'a text cell a spreadsheet would run').not.toMatch(/^[=+\-@\t\r]/);
}

describe('safeCell: the one function', () => {
  it.each([
    [EVIL, `'${EVIL}`],
    ['+66 53 511 192', "'+66 53 511 192"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['- a bulleted note', "'- a bulleted note"],
  ])('neutralises %j', (raw, safe) => {
    expect(safeCell(raw)).toBe(safe);
    expect(unquoteCell(safe)).toBe(raw);
  });

  it.each([['จังหวัดลำพูน'], ['a=b'], [''], ['-1.5'], ['+3'], ['87.97'], ['1e3']])(
    'leaves %j alone (ordinary text, or a number written as text)',
    (raw) => expect(safeCell(raw)).toBe(raw),
  );

  it('never touches numbers, booleans or empty cells', () => {
    for (const v of [-1.5, 0, 100, true, false, null, undefined]) expect(safeCell(v)).toBe(v);
  });

  it('keeps an apostrophe a person typed before ordinary text on import', () => {
    expect(unquoteCell("'ordinary")).toBe("'ordinary");
  });
});

describe('every writer', () => {
  const table = {
    name: 'T',
    columns: [
      { key: 'name', header: 'name' },
      { key: 'score', header: 'score' },
    ],
    rows: [
      { name: EVIL, score: -1.5 },
      { name: 'ok', score: 87.97 },
    ],
  };

  it('XLSX of the agency report workbook: text neutralised, the negative score a number cell', async () => {
    const cells = await sheetCells(await tablesToXlsx([table], systemClock));
    expectNoFormula(cells);
    expect(cells.map((c) => c.value)).toContain(`'${EVIL}`);
    expect(cells.find((c) => c.value === -1.5)?.type).toBe(ExcelJS.ValueType.Number);
  });

  const stream = {
    name: 'S',
    columns: [
      { key: 'name', header: 'name' },
      { key: 'score', header: 'score', decimals: true },
    ],
    row: (r: { name: string; score: number }) => r,
    json: (r: unknown) => r,
  };
  async function streamed(format: 'csv' | 'xlsx'): Promise<Buffer> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    async function* pages() {
      yield [
        { name: EVIL, score: -1.5 },
        { name: '@cmd', score: 12.345 },
      ];
    }
    await writeTableStream(format, stream, pages(), out, systemClock);
    out.end();
    return Buffer.concat(chunks);
  }

  it('streamed CSV (national exports): text neutralised, decimals still numbers', async () => {
    const rows = rowsOf((await streamed('csv')).toString('utf8'));
    expect(rows.slice(1)).toEqual([
      [`'${EVIL}`, '-1.50'],
      ["'@cmd", '12.35'],
    ]);
  });

  it('streamed XLSX: text neutralised, the negative score a number', async () => {
    const cells = await sheetCells(await streamed('xlsx'));
    expectNoFormula(cells);
    expect(cells.find((c) => c.value === -1.5)?.type).toBe(ExcelJS.ValueType.Number);
  });

  it('an exported file imports back as the data it came from', async () => {
    const csv = csvText([
      ['code', 'name'],
      ['X-1', EVIL],
    ]);
    const names: string[] = [];
    for await (const item of readTable('x.csv', Buffer.from(csv, 'utf8')))
      if ('row' in item) names.push(item.row.values.name!);
    expect(names).toEqual([EVIL]);
  });
});

describe("the province's and the NACC's downloads", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let nacc: Client;
  let officer: Client;
  const Y = 2563;
  const P = `/province/${encodeURIComponent('ลำพูน')}/${Y}`;

  beforeAll(async () => {
    t = await createTestApp();
    const name = `"${EVIL.replaceAll('"', '""')}"`;
    const csv = `code,name_th,name_en,type,province,district,parent_code,website,staff_count
51-PRV,จังหวัดลำพูน,,province,ลำพูน,,,https://51prv.demo.example,10
51-PAO,${name},,pao,ลำพูน,,,https://51pao.demo.example,10
51-SAO-01,อบต.ทดสอบ,,sao,ลำพูน,ป่าซาง,,https://sao.demo.example,10
`;
    await t.services.agencies.importAgencies(SYSTEM_CLI, 'a.csv', csv);
    await t.services.years.create(SYSTEM_CLI, Y, 'ita-2563');
    const ids = await createStandardAccounts(t.services);
    nacc = await clientFor(t.services, ids.nacc_admin);
    officer = await clientFor(t.services, ids.province_officer);
  });
  afterAll(async () => t?.close());

  it('an agency named =HYPERLINK(…) is text in the NACC OIT status CSV and XLSX', async () => {
    const csv = await t.app.request(`/oit/${Y}/status?format=csv`, { headers: nacc.headers() });
    expect(csv.status).toBe(200);
    const rows = rowsOf(await csv.text());
    expect(rows.some((r) => r.includes(`'${EVIL}`))).toBe(true);
    expect(rows.flat().some((v) => /^[=+@]/.test(v))).toBe(false);

    const xlsx = await t.app.request(`/oit/${Y}/status?format=xlsx`, { headers: nacc.headers() });
    expect(xlsx.status).toBe(200);
    const cells = await sheetCells(new Uint8Array(await xlsx.arrayBuffer()));
    expectNoFormula(cells);
    expect(cells.map((c) => c.value)).toContain(`'${EVIL}`);
  });

  it("a coordinator named =HYPERLINK(…) is text in the province's coordinators CSV", async () => {
    const saved = await t.app.request(`${P}/coordinators`, {
      method: 'POST',
      headers: officer.headers(FORM),
      body: officer.form({
        agencyCode: '51-PRV',
        name: EVIL,
        position: '@admin',
        email: 'c@test.example',
        phone: '+66 53 511 192',
      }),
    });
    expect(saved.status).toBe(303);
    const r = await t.app.request(`${P}/coordinators.csv`, { headers: officer.headers() });
    expect(r.status).toBe(200);
    const text = await r.text();
    const rows = rowsOf(text);
    const flat = rows.flat();
    expect(flat).toContain(`'${EVIL}`);
    expect(flat).toContain("'@admin");
    expect(flat.some((v) => /^[=+\-@\t\r]/.test(v) && !/^[+-]?\d/.test(v))).toBe(false);
  });
});
