// What every writer shares: how a score cell shows (its published figure, by the domain's one
// rounding rule, scoring/rounding.ts), the formats and their content types; and the agency
// report's workbook (several sheets, held in memory). Tables are written by stream-export.ts.
import type { Clock } from '../clock.ts';
import { loadExcel } from '../lazy-modules.ts';
import { published, publishedDigits } from '../domain/scoring/rounding.ts';
import { safeCell } from '../domain/spreadsheet-cell.ts';

export type Cell = string | number | boolean | null;

export interface ExportColumn {
  key: string;
  header: string;
  /** A score or share: held at full precision, shown as its published 2-decimal figure. */
  decimals?: boolean;
  /** Column width in the workbook (characters); by default from the header's length. */
  width?: number;
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

/**
 * The time a workbook says it was created and modified: the caller's clock (ADR 0019), not
 * exceljs's default (the machine's), so a test can fix it and the same export at the same time is
 * the same workbook.
 */
export function stampWorkbook(wb: { created: Date; modified: Date }, clock: Clock): void {
  const at = clock();
  wb.created = at;
  wb.modified = at;
}

/** One worksheet per table, headers in bold, numbers kept as numbers; dated by `clock`. */
export async function tablesToXlsx(tables: ExportTable[], clock: Clock): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Open ITAS';
  stampWorkbook(wb, clock);
  for (const table of tables) {
    const ws = wb.addWorksheet(table.name.slice(0, 31));
    ws.columns = table.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? Math.max(10, Math.min(60, c.header.length + 4)),
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
