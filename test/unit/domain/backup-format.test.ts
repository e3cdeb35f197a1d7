// The one reader of the backup file's structure: a whole file reads through to its totals; any
// part out of place, a count off, or a missing end line is refused with the line that broke it
// and a coded problem.
import { describe, expect, it } from 'vitest';
import { BackupFileError, createBackupReader } from '../../../src/domain/backup-format.ts';
import { problemTexts } from '../../../src/i18n/problem-text.ts';

const header = JSON.stringify({
  format: 'open-itas-backup',
  version: 1,
  createdAt: '2026-12-02T00:00:00.000Z',
  migrations: ['m1'],
});
const whole = [
  header,
  '#table {"name":"a","columns":["x"]}',
  '{"x":1}',
  '{"x":2}',
  '#end {"name":"a","rows":2}',
  '#table {"name":"b","columns":["y"]}',
  '#end {"name":"b","rows":0}',
  '#done {"tables":2,"rows":2}',
];

function read(lines: string[]) {
  const reader = createBackupReader();
  for (const l of lines) reader.line(l);
  return reader.finish();
}

describe('backup file reader', () => {
  it('reads a whole file to its header and totals, and allows a trailing blank line', () => {
    expect(read([...whole, ''])).toEqual({
      header: JSON.parse(header) as unknown,
      totals: { tables: 2, rows: 2 },
    });
  });

  it.each([
    ['empty', [], 1, 'the file is empty'],
    ['cut short', whole.slice(0, 3), 3, 'cut short'],
    ['a row dropped', whole.filter((l) => l !== '{"x":2}'), 4, 'row count'],
    ['totals off', [...whole.slice(0, -1), '#done {"tables":2,"rows":3}'], 8, 'totals'],
    ['no #end', [...whole.slice(0, 3), whole[5]!], 4, 'no end line'],
    ['a row outside a table', [header, '{"x":1}'], 2, 'not a row'],
    ['after the end', [...whole, 'more'], 9, 'after the end'],
    ['not a backup', ['{"hello":1}'], 1, 'not an Open ITAS backup'],
    ['a newer format', [header.replace('"version":1', '"version":2')], 1, 'version 2'],
    ['bad JSON', [header, '#table {'], 2, 'unreadable JSON'],
  ])('refuses %s', (_, lines, line, en) => {
    const e = (() => {
      try {
        read(lines);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(BackupFileError);
    expect((e as BackupFileError).line).toBe(line);
    // Worded by the catalogue, in both languages.
    const words = problemTexts((e as BackupFileError).problem);
    expect(words.en).toContain(en);
    expect(words.th).toMatch(/[\u0E00-\u0E7F]/);
  });
});

describe('backup refusals by code', () => {
  it('word the file problem with where it is, the Thai saying บรรทัด for the line', () => {
    const cut = { field: '', code: 'backup_cut_short', params: {} } as const;
    expect(
      problemTexts({
        field: '',
        code: 'backup_unusable',
        params: { at: { line: 3 }, problem: cut },
      }),
    ).toEqual({
      th: 'ไฟล์สำรองข้อมูลใช้ไม่ได้ (บรรทัด 3): ไฟล์ถูกตัดก่อนจบ (ไม่พบบรรทัดสิ้นสุด)',
      en: 'Unusable backup file (line 3): the file is cut short (no end line)',
    });
    expect(
      problemTexts({
        field: '',
        code: 'backup_received_broken',
        params: { problem: { field: '', code: 'backup_not_gzip', params: {} } },
      }),
    ).toEqual({
      th: 'ไฟล์ที่ได้รับจากเซิร์ฟเวอร์ไม่สมบูรณ์ (ไม่ใช่ไฟล์ gzip ที่สมบูรณ์) ไม่ได้เก็บไฟล์ไว้',
      en: 'The file received from the server is not whole (not a complete gzip file); no file was kept',
    });
    expect(
      problemTexts({
        field: '',
        code: 'backup_received_broken',
        params: { line: 7, problem: cut },
      }),
    ).toEqual({
      th: 'ไฟล์ที่ได้รับจากเซิร์ฟเวอร์ไม่สมบูรณ์ (บรรทัด 7: ไฟล์ถูกตัดก่อนจบ (ไม่พบบรรทัดสิ้นสุด)) ไม่ได้เก็บไฟล์ไว้',
      en: 'The file received from the server is not whole (line 7: the file is cut short (no end line)); no file was kept',
    });
  });
});
