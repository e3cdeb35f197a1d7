// Reads a CSV file (UTF-8, optional BOM, RFC 4180) into header-keyed rows with their line numbers.
import { parse } from 'csv-parse/sync';
import { ImportRejected } from '../domain/import-issue.ts';
import { unquoteCell } from '../domain/spreadsheet-cell.ts';

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

export function readCsv(file: string, text: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    const line = Number(/line (\d+)/i.exec(m)?.[1] ?? 1);
    throw new ImportRejected(file, [
      { line, column: null, th: `รูปแบบ CSV ไม่ถูกต้อง (${m})`, en: `Malformed CSV (${m})` },
    ]);
  }
  const [first, ...rest] = records;
  if (!first) {
    throw new ImportRejected(file, [
      { line: 1, column: null, th: 'ไฟล์ว่าง ไม่มีแถวหัวตาราง', en: 'The file is empty: no header row' },
    ]);
  }
  const header = first.record.map((h) => h.trim());
  const rows = rest.map(({ record, info }) => {
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = unquoteCell((record[i] ?? '').trim())));
    return { line: info.lines, values };
  });
  return { header, rows };
}
