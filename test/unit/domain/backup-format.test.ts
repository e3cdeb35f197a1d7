// The one reader of the backup file's structure: a whole file reads through to its totals; any
// part out of place, a count off, or a missing end line is refused with the line that broke it.
import { describe, expect, it } from 'vitest';
import { BackupFileError, createBackupReader } from '../../../src/domain/backup-format.ts';

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
    ['empty', [], 'line 1', 'the file is empty'],
    ['cut short', whole.slice(0, 3), 'line 3', 'cut short'],
    ['a row dropped', whole.filter((l) => l !== '{"x":2}'), 'line 4', 'row count'],
    ['totals off', [...whole.slice(0, -1), '#done {"tables":2,"rows":3}'], 'line 8', 'totals'],
    ['no #end', [...whole.slice(0, 3), whole[5]!], 'line 4', 'no end line'],
    ['a row outside a table', [header, '{"x":1}'], 'line 2', 'not a row'],
    ['after the end', [...whole, 'more'], 'line 9', 'after the end'],
    ['not a backup', ['{"hello":1}'], 'line 1', 'not an Open ITAS backup'],
    ['a newer format', [header.replace('"version":1', '"version":2')], 'line 1', 'version 2'],
    ['bad JSON', [header, '#table {'], 'line 2', 'unreadable JSON'],
  ])('refuses %s', (_, lines, where, en) => {
    const e = (() => {
      try {
        read(lines);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(BackupFileError);
    expect((e as BackupFileError).where).toBe(where);
    expect((e as BackupFileError).en).toContain(en);
    expect((e as BackupFileError).th).toMatch(/[\u0E00-\u0E7F]/);
  });
});
