// Writes a table the pages show (rankings, summaries) as CSV, XLSX or JSON with the same
// columns and rows, so a download is exactly what was on the screen.
import ExcelJS from 'exceljs';
import { safeCell } from '../domain/spreadsheet-cell.ts';
import { csvText } from './csv.ts';

export type Cell = string | number | boolean | null;

export interface ExportTable {
  /** Sheet name and file stem. */
  name: string;
  columns: { key: string; header: string }[];
  rows: Record<string, Cell>[];
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** CSV with a BOM so spreadsheet programs read the Thai text as UTF-8. */
export function tableToCsv(table: ExportTable): string {
  const header = table.columns.map((c) => c.header);
  const body = table.rows.map((r) => table.columns.map((c) => r[c.key] ?? ''));
  return csvText([header, ...body]);
}

/** JSON: the column keys as field names, numbers as numbers. */
export function tableToJson(table: ExportTable): string {
  return JSON.stringify(
    table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c.key, r[c.key] ?? null]))),
  );
}

/** One worksheet per table, headers in bold, numbers kept as numbers. */
export async function tablesToXlsx(tables: ExportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Open ITAS';
  for (const table of tables) {
    const ws = wb.addWorksheet(table.name.slice(0, 31));
    ws.columns = table.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.max(10, Math.min(60, c.header.length + 4)),
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of table.rows)
      ws.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, safeCell(v)])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeTable(
  table: ExportTable,
  format: ExportFormat,
): Promise<{ body: string | Buffer; contentType: string; filename: string }> {
  const body =
    format === 'csv'
      ? tableToCsv(table)
      : format === 'json'
        ? tableToJson(table)
        : await tablesToXlsx([table]);
  return { body, contentType: CONTENT_TYPES[format], filename: `${table.name}.${format}` };
}
