// Writes a table the pages show (rankings, summaries) as CSV, XLSX or JSON with the same
// columns and rows, so a download is exactly what was on the screen. Score columns hold full
// precision and every writer shows them by the domain's one rounding rule (scoring/rounding.ts).
import ExcelJS from 'exceljs';
import { published, publishedDigits } from '../domain/scoring/rounding.ts';
import { safeCell } from '../domain/spreadsheet-cell.ts';
import { csvText } from './csv.ts';

export type Cell = string | number | boolean | null;

export interface ExportColumn {
  key: string;
  header: string;
  /** A score or share: held at full precision, shown as its published 2-decimal figure. */
  decimals?: boolean;
}

export interface ExportTable {
  /** Sheet name and file stem. */
  name: string;
  columns: ExportColumn[];
  rows: Record<string, Cell>[];
}

/** The Excel number format of a published figure: always two decimals (85 shows as 85.00). */
export const XLSX_DECIMALS_FORMAT = '0.00';

/** A score cell in CSV: its published digits ("85.00"), other cells unchanged. */
export function csvCell(v: Cell | undefined, decimals = false): Cell {
  const value = v ?? null;
  return decimals && typeof value === 'number' && Number.isFinite(value)
    ? publishedDigits(value)
    : value;
}

/** A score cell in XLSX or JSON: the published figure as a number, other cells unchanged. */
export function publishedCell(v: Cell | undefined, decimals = false): Cell {
  const value = v ?? null;
  return decimals && typeof value === 'number' && Number.isFinite(value) ? published(value) : value;
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
  const body = table.rows.map((r) => table.columns.map((c) => csvCell(r[c.key], c.decimals) ?? ''));
  return csvText([header, ...body]);
}

/**
 * JSON: the column keys as field names, numbers as numbers; scores as their published figure
 * (what the page shows), with the full-precision values beside them in `full_precision`.
 */
export function tableToJson(table: ExportTable): string {
  const decimals = table.columns.filter((c) => c.decimals);
  return JSON.stringify(
    table.rows.map((r) => ({
      ...Object.fromEntries(table.columns.map((c) => [c.key, publishedCell(r[c.key], c.decimals)])),
      ...(decimals.length
        ? { full_precision: Object.fromEntries(decimals.map((c) => [c.key, r[c.key] ?? null])) }
        : {}),
    })),
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
      ...(c.decimals ? { style: { numFmt: XLSX_DECIMALS_FORMAT } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of table.rows)
      ws.addRow(
        Object.fromEntries(
          table.columns.map((c) => [
            c.key,
            c.decimals ? publishedCell(r[c.key], true) : safeCell(r[c.key] ?? null),
          ]),
        ),
      );
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
