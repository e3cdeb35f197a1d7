// The files people actually have (issue 14): CSV in UTF-8 with or without BOM or in Windows-874
// (TIS-620, what Thai Excel writes), and .xlsx, for every import and through the CLI. Bad bytes,
// repeated or unknown headers and over-long values are refused with file, line and column, and
// nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { ImportRejected } from '../../src/services/import-rejected.ts';
import { worded } from '../helpers/import-issues.ts';
import { TEXT_LIMITS } from '../../src/domain/text-limits.ts';
import type { Services } from '../../src/services/container.ts';
import type { TestDb } from '../helpers/db.ts';
import { oitCsv, responsesCsv, createYearDb } from '../helpers/results-fixtures.ts';
import { runCommand } from '../helpers/cli.ts';

let t: TestDb;
let s: Services;
let dir: string;
beforeAll(async () => {
  ({ t, s } = await createYearDb());
  dir = mkdtempSync(join(tmpdir(), 'itas-import-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/** Windows-874 bytes: ASCII as is, Thai U+0E01–U+0E5B at 0xA1–0xFB (the code page's own table). */
function tis620(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) return cp;
      if (cp >= 0x0e01 && cp <= 0x0e5b) return cp - 0x0e01 + 0xa1;
      throw new Error(`not in TIS-620: ${ch}`);
    }),
  );
}

async function xlsx(rows: unknown[][], extraSheet = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ข้อมูล');
  for (const r of rows) ws.addRow(r);
  if (extraSheet) wb.addWorksheet('อื่น ๆ').addRow(['code', 'ignored']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const rejection = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportRejected);
  return { file: (e as ImportRejected).file, issues: worded((e as ImportRejected).issues) };
};

const AGENCY_HEADER = 'code,name_th,type,province,district';
const agencyCount = () => s.agencies.count();

describe('encodings', () => {
  it('reads a Windows-874 (TIS-620) file by itself, Thai intact', async () => {
    const csv = `${AGENCY_HEADER}\nW-1,เทศบาลตำบลบ้านธิ,subdistrict_municipality,ลำพูน,บ้านธิ\nW-2,องค์การบริหารส่วนตำบลทาปลาดุก,sao,ลำพูน,แม่ทา\n`;
    const bytes = tis620(csv);
    // Really not UTF-8: these bytes alone decode to replacement characters.
    expect(new TextDecoder().decode(bytes)).toContain('\uFFFD');
    expect(await s.agencies.importAgencies(SYSTEM_CLI, 'tis.csv', bytes)).toEqual({
      inserted: 2,
      updated: 0,
    });
    expect((await s.agencies.get('W-1'))?.nameTh).toBe('เทศบาลตำบลบ้านธิ');
    expect((await s.agencies.get('W-2'))?.district).toBe('แม่ทา');
  });

  it('reads UTF-8 with and without a BOM, from a stream split inside a Thai character', async () => {
    const csv = `${AGENCY_HEADER}\nU-1,เทศบาลตำบลเหมืองง่า,subdistrict_municipality,ลำพูน,เมืองลำพูน\n`;
    const bytes = Buffer.from(csv, 'utf8');
    // Chunks of 5 bytes: many a 3-byte Thai character is cut in two.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) =>
      bytes.subarray(i * 5, i * 5 + 5),
    );
    await s.agencies.importAgencies(SYSTEM_CLI, 'split.csv', Readable.from(chunks));
    expect((await s.agencies.get('U-1'))?.nameTh).toBe('เทศบาลตำบลเหมืองง่า');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    expect(await s.agencies.importAgencies(SYSTEM_CLI, 'bom.csv', bom)).toEqual({
      inserted: 0,
      updated: 1,
    });
  });

  it('refuses an invalid byte in a UTF-8 file with its line and column, writing nothing', async () => {
    const good = Buffer.from(`${AGENCY_HEADER}\nB-1,เทศบาลหนึ่ง,sao,ลำพูน,\nB-2,`, 'utf8');
    const bad = Buffer.concat([good, Buffer.from([0xff]), Buffer.from(',sao,ลำพูน,\n', 'utf8')]);
    const before = await agencyCount();
    const e = await rejection(s.agencies.importAgencies(SYSTEM_CLI, 'broken.csv', bad));
    expect(e.file).toBe('broken.csv');
    expect(e.issues).toEqual([
      expect.objectContaining({ line: 3, column: 'name_th', en: expect.stringMatching(/UTF-8/) }),
    ]);
    expect(e.issues[0]!.th).toMatch(/UTF-8/);
    expect(await agencyCount()).toBe(before);
    expect(await s.agencies.get('B-1')).toBeUndefined();
  });

  it('refuses a byte that Windows-874 does not define', async () => {
    const bytes = Buffer.concat([
      tis620(`${AGENCY_HEADER}\nB-3,เทศบาล`),
      Buffer.from([0xfc]),
      tis620(',sao,ลำพูน,\n'),
    ]);
    const e = await rejection(
      s.agencies.importAgencies(SYSTEM_CLI, 'cp874.csv', bytes, { encoding: 'windows-874' }),
    );
    expect(e.issues[0]).toMatchObject({ line: 2, column: 'name_th' });
    expect(e.issues[0]!.en).toMatch(/Windows-874/);
  });

  it('decodes as told: a TIS-620 file read as UTF-8 is refused, not turned into "�"', async () => {
    const bytes = tis620(`${AGENCY_HEADER}\nB-4,เทศบาลสี่,sao,ลำพูน,\n`);
    const e = await rejection(
      s.agencies.importAgencies(SYSTEM_CLI, 'told.csv', bytes, { encoding: 'utf-8' }),
    );
    expect(e.issues[0]).toMatchObject({ line: 2, column: 'name_th' });
    expect(await s.agencies.get('B-4')).toBeUndefined();
  });
});

describe('headers and sizes', () => {
  it('refuses a repeated header in every import, naming the column', async () => {
    const agencies = await rejection(
      s.agencies.importAgencies(SYSTEM_CLI, 'dup.csv', 'code,name_th,type,name_th\nD-1,ก,sao,ข\n'),
    );
    expect(agencies.issues).toEqual([
      expect.objectContaining({ line: 1, column: 'name_th', en: expect.stringMatching(/twice/) }),
    ]);
    const results = await rejection(
      s.imports.importResults(
        SYSTEM_CLI,
        'dup-results.csv',
        'agency_code,fiscal_year,overall,overall\nT-PRV,2562,80,81\n',
      ),
    );
    expect(results.issues[0]).toMatchObject({ line: 1, column: 'overall' });
    expect(await s.agencies.get('D-1')).toBeUndefined();
  });

  it('refuses an unknown header and a header cell without a name', async () => {
    const unknown = await rejection(
      s.imports.importResults(
        SYSTEM_CLI,
        'u.csv',
        'agency_code,fiscal_year,overall,remark\nT-PRV,2562,80,x\n',
      ),
    );
    expect(unknown.issues[0]).toMatchObject({ line: 1, column: 'remark' });
    const blank = await rejection(
      s.agencies.importAgencies(SYSTEM_CLI, 'b.csv', 'code,,type\nE-1,ก,sao\n'),
    );
    expect(blank.issues[0]).toMatchObject({ line: 1, column: '#2' });
  });

  it('refuses a 3,000,000-character name quickly, naming line and column', async () => {
    const huge = 'ก'.repeat(3_000_000);
    const csv = `${AGENCY_HEADER}\nL-1,ชื่อปกติ,sao,ลำพูน,\nL-2,${huge},sao,ลำพูน,\n`;
    const e = await rejection(
      s.agencies.importAgencies(SYSTEM_CLI, 'long.csv', Buffer.from(csv, 'utf8')),
    );
    expect(e.issues).toEqual([expect.objectContaining({ line: 3, column: 'name_th' })]);
    // A name under the reader's limit but over a one-line field's is refused by the register.
    const long = 'ข'.repeat(TEXT_LIMITS.line + 1);
    const e2 = await rejection(
      s.agencies.importAgencies(SYSTEM_CLI, 'l2.csv', `${AGENCY_HEADER}\nL-3,${long},sao,ลำพูน,\n`),
    );
    expect(e2.issues[0]).toMatchObject({ line: 2, column: 'name_th' });
    expect(await s.agencies.get('L-1')).toBeUndefined();
  });
});

describe('control characters', () => {
  it('refuses NUL and other control characters in a CSV with line and column, writing nothing', async () => {
    const before = await agencyCount();
    const nul = await rejection(
      s.agencies.importAgencies(
        SYSTEM_CLI,
        'nul.csv',
        `${AGENCY_HEADER}\nN-1,เทศบาลหนึ่ง,sao,ลำพูน,\nN-2,เทศบาล\u0000สอง,sao,ลำพูน,\n`,
      ),
    );
    expect(nul.issues).toEqual([
      expect.objectContaining({ line: 3, column: 'name_th', en: expect.stringMatching(/U\+0000/) }),
    ]);
    // Tab and line breaks inside a quoted value are text, not control characters.
    await s.agencies.importAgencies(
      SYSTEM_CLI,
      'tab.csv',
      `${AGENCY_HEADER}\nN-3,"เทศบาล\tสาม",sao,ลำพูน,\n`,
    );
    expect(await agencyCount()).toBe(before + 1);
    expect(await s.agencies.get('N-1')).toBeUndefined();
  });

  it('refuses an OIT note over the limit of the OIT form', async () => {
    const header = 'agency_code,item,answer,url,note,score,comment';
    const long = 'ก'.repeat(TEXT_LIMITS.text + 1);
    const oit = await rejection(
      s.imports.importOit(SYSTEM_CLI, 2563, 'oit.csv', `${header}\nT-SAO3,O1,has,,${long},,\n`),
    );
    expect(oit.issues[0]).toMatchObject({ line: 2, column: 'note' });
  });
});

describe('.xlsx', () => {
  it('imports agencies from the first worksheet, numbers and all', async () => {
    const file = await xlsx(
      [
        ['code', 'name_th', 'name_en', 'type', 'province', 'staff_count'],
        ['X-1', 'เทศบาลตำบลอุโมงค์', 'Umong', 'subdistrict_municipality', 'ลำพูน', 42],
        [],
        ['X-2', { richText: [{ text: 'อบต.' }, { text: 'ทดสอบ' }] }, 'Test', 'sao', 'ลำพูน', null],
        // An empty cell in the middle of a row.
        ['X-3', 'เทศบาลตำบลเวียงยอง', null, 'sao', 'ลำพูน', 7],
      ],
      true,
    );
    expect(await s.agencies.importAgencies(SYSTEM_CLI, 'agencies.xlsx', file)).toEqual({
      inserted: 3,
      updated: 0,
    });
    expect(await s.agencies.get('X-1')).toMatchObject({
      nameTh: 'เทศบาลตำบลอุโมงค์',
      staffCount: 42,
    });
    expect((await s.agencies.get('X-2'))?.nameTh).toBe('อบต.ทดสอบ');
    expect(await s.agencies.get('X-3')).toMatchObject({ nameEn: null, staffCount: 7 });
  });

  it('imports responses, OIT and past results from .xlsx like their CSV', async () => {
    const asRows = (csv: string) =>
      csv
        .trimEnd()
        .split('\n')
        .map((l) => l.split(','));
    const responses = asRows(responsesCsv(['T-SAO3'], 2));
    const r = await s.imports.importResponses(
      SYSTEM_CLI,
      2563,
      'responses.xlsx',
      await xlsx(responses),
    );
    expect(r).toEqual({ rows: 4, inserted: 4, agencies: 1 });
    const oit = asRows(oitCsv(['T-SAO3'])).map((row) => row.map((v) => v.replace(/^"|"$/g, '')));
    const o = await s.imports.importOit(SYSTEM_CLI, 2563, 'oit.xlsx', await xlsx(oit));
    expect(o.rows).toBe(oit.length - 1);
    const results = await xlsx([
      ['agency_code', 'fiscal_year', 'overall', 'IIT', 'level'],
      ['T-SAO3', 2561, 87.25, 90, 'A'],
      ['T-SAO3', 2562, { formula: '80+5', result: 85 }, null, null],
    ]);
    expect(await s.imports.importResults(SYSTEM_CLI, 'results.xlsx', results)).toEqual({
      rows: 2,
      inserted: 2,
      updated: 0,
    });
  });

  it('refuses bad .xlsx rows with the sheet row and column, and a damaged file calmly', async () => {
    const dup = await rejection(
      s.agencies.importAgencies(
        SYSTEM_CLI,
        'dup.xlsx',
        await xlsx([
          ['code', 'code', 'type'],
          ['Z-1', 'Z-1', 'sao'],
        ]),
      ),
    );
    expect(dup.issues[0]).toMatchObject({ line: 1, column: 'code' });
    const long = await rejection(
      s.agencies.importAgencies(
        SYSTEM_CLI,
        'long.xlsx',
        await xlsx([
          ['code', 'name_th', 'type'],
          ['Z-2', 'ชื่อ', 'sao'],
          ['Z-3', 'ก'.repeat(20_000), 'sao'],
        ]),
      ),
    );
    expect(long.issues[0]).toMatchObject({ line: 3, column: 'name_th' });
    const bad = await rejection(
      s.agencies.importAgencies(
        SYSTEM_CLI,
        'bad.xlsx',
        Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]),
      ),
    );
    expect(bad.issues[0]!.en).toMatch(/xlsx/);
    expect(await s.agencies.get('Z-2')).toBeUndefined();
  });
});

describe('the CLI', () => {
  const itas = (...argv: string[]) => runCommand(s, ...argv);

  it('imports a TIS-620 file with --encoding windows-874, and an .xlsx past-results file', async () => {
    const path = join(dir, 'agencies-874.csv');
    writeFileSync(path, tis620(`${AGENCY_HEADER}\nC-1,เทศบาลตำบลป่าซาง,sao,ลำพูน,ป่าซาง\n`));
    const r = await itas('import', 'agencies', '--encoding', 'windows-874', path);
    expect(r.code).toBe(0);
    expect((await s.agencies.get('C-1'))?.nameTh).toBe('เทศบาลตำบลป่าซาง');
    const xl = join(dir, 'results.xlsx');
    writeFileSync(
      xl,
      await xlsx([
        ['agency_code', 'fiscal_year', 'overall'],
        ['T-PAO', 2560, 70],
      ]),
    );
    expect((await itas('import', 'results', xl)).code).toBe(0);
  });

  it('refuses an unknown --encoding as a usage mistake', async () => {
    await expect(
      itas('import', 'oit', '--year', '2563', '--encoding', 'latin1', 'x.csv'),
    ).rejects.toThrow(/--encoding must be utf-8 or windows-874/);
  });
});

describe('rows of responses.csv', () => {
  it('names every bad cell of every row with its line and column, in order, writing nothing', async () => {
    const [header, ...lines] = responsesCsv(['T-PRV'], 1).trim().split('\n');
    const cols = header!.split(',');
    const at = (c: string) => cols.indexOf(c);
    const rows = lines.map((l) => l.split(','));
    const iit = rows.find((r) => r[at('tool')] === 'IIT')!;
    const eit = rows.find((r) => r[at('tool')] === 'EIT')!;
    const edit = (r: string[], changes: Record<string, string>) => {
      const copy = [...r];
      for (const [c, v] of Object.entries(changes)) copy[at(c)] = v;
      return copy.join(',');
    };
    const id = () => crypto.randomUUID();
    const file = [
      header,
      // Line 2: a Likert cell out of range, a yes/no cell that is neither, an EIT cell filled.
      edit(iit, { response_id: id(), 'I1.1': '5', 'I4.1': 'X', 'E1.1': '2' }),
      // Line 3: not a random UUID, an agency not registered, a day that does not exist.
      edit(eit, {
        response_id: 'not-an-id',
        agency_code: '99-NOPE',
        submitted_on: '2020-02-30',
      }),
      // Line 4: a tool that is neither (nothing else is checked on that row).
      edit(eit, { response_id: id(), tool: 'XIT', 'E1.1': '9' }),
      // Line 5: demographics: one the tool does not ask, one not among its options.
      edit(iit, { response_id: id(), contact_type: 'government', gender: 'robot' }),
      // Line 6: spaces around good values are not part of them (no problem on this line).
      edit(iit, { response_id: ` ${id()} `, 'I1.1': ' 4 ', gender: ' female ' }),
    ].join('\n');
    const stored = async () =>
      (await t.db.selectFrom('responses').select('response_id').execute()).length;
    const before = await stored();
    const { issues } = await rejection(
      s.imports.importResponses(SYSTEM_CLI, 2563, 'responses.csv', file),
    );
    expect(issues.map((i) => `${i.line} ${i.column}: ${i.en}`)).toMatchInlineSnapshot(`
      [
        "2 I1.1: Item I1.1 takes 1–4, got "5"",
        "2 I4.1: Item I4.1 takes Y (yes) or N (no), got "X"",
        "2 E1.1: Item E1.1 belongs to EIT, not IIT",
        "3 response_id: response_id must be a random (version 4) UUID such as 0b7e2c1a-5f3d-4c8e-9a61-2d4f8b3e7c10, got "not-an-id"",
        "3 agency_code: No agency "99-NOPE" in the register",
        "3 submitted_on: The day must be YYYY-MM-DD (a day, no time), got "2020-02-30"",
        "4 tool: The tool must be IIT or EIT, got "XIT"",
        "5 gender: gender must be one of male, female, other, got "robot"",
        "5 contact_type: IIT does not ask for contact_type",
      ]
    `);
    expect(await stored()).toBe(before);
  });
});
