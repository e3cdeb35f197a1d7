// The .xlsx side of the table reader: the first worksheet, read whole up to MAX_XLSX_BYTES, with the
// same columns and checks as a CSV.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-modules.ts';
import { bare, problem } from '../domain/problem.ts';
import { ImportRejected } from './import-rejected.ts';
import { firstControl } from '../domain/text-limits.ts';
import { controlCharacter } from './csv-stream.ts';
import {
  type TableItem,
  MAX_FIELD_CHARS,
  column,
  checkHeaderNames,
  emptyFile,
  LazyRow,
  cleanCell,
} from './table-format.ts';

/** A cell as the text a CSV of the same sheet would hold. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // A date cell is a day here (submitted_on): Excel keeps no zone, exceljs reads it as UTC.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v)
    return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text);
  if ('error' in v) return String(v.error);
  return '';
}

/** Largest .xlsx read: the sheet is read whole (about 5 KB of memory per row); bigger tables go as CSV, which streams. */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;

export async function* readXlsx(
  file: string,
  bytes: AsyncIterable<Uint8Array>,
): AsyncGenerator<TableItem> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const b of bytes) {
    size += b.length;
    if (size > MAX_XLSX_BYTES)
      throw new ImportRejected(file, [
        { line: 1, ...problem('', 'xlsx_too_big', { mb: MAX_XLSX_BYTES / 1024 / 1024 }) },
      ]);
    parts.push(b);
  }
  // exceljs's streaming reader (WorkbookReader) drops zip entries now and then (exceljs#3064):
  // the whole-file reader is the reliable one, and the size limit above bounds its memory.
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
  } catch {
    throw new ImportRejected(file, [{ line: 1, ...bare('', 'xlsx_unreadable') }]);
  }
  // The first worksheet as the workbook orders its tabs.
  const sheet = wb.worksheets[0];
  const rows: { number: number; values: ExcelJS.CellValue[] }[] = [];
  sheet?.eachRow((row) =>
    rows.push({ number: row.number, values: (row.values as ExcelJS.CellValue[]).slice(1) }),
  );
  let header: string[] | undefined;
  for (const row of rows) {
    // Array.from, not map: exceljs leaves holes for empty cells, and map would keep them.
    const cells = Array.from(row.values, (v, i) => {
      const text = cellText(v);
      const control = firstControl(text);
      if (control >= 0)
        throw new ImportRejected(file, [
          { line: row.number, ...controlCharacter(column(header, i), text, control) },
        ]);
      if (text.length > MAX_FIELD_CHARS)
        throw new ImportRejected(file, [
          {
            line: row.number,
            ...problem(column(header, i), 'value_too_long', { max: MAX_FIELD_CHARS }),
          },
        ]);
      return text;
    });
    if (!header) {
      // Empty cells after the last name are formatting, not columns.
      while (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
      if (cells.length === 0) continue;
      header = checkHeaderNames(file, cells);
      yield { header };
      continue;
    }
    if (cells.every((c) => c.trim() === '')) continue;
    const extra = cells.findIndex((c, i) => i >= header!.length && c.trim() !== '');
    if (extra >= 0)
      throw new ImportRejected(file, [
        {
          line: row.number,
          ...problem(`#${extra + 1}`, 'value_beyond_header', {
            index: extra + 1,
            columns: header.length,
          }),
        },
      ]);
    yield { row: new LazyRow(row.number, header, cells, cleanCell) };
  }
  if (!header) throw emptyFile(file);
}
