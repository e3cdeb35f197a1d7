// Streams a large table (national results: 8,303 agencies) to CSV, XLSX or JSON a page at a
// time, so memory does not grow with the data. CSV has a BOM; JSON keeps full precision (and the
// table's `json` adds the published digits); CSV and XLSX show decimal columns as their published
// 2-decimal figure (table-export.ts). Every results download (pages, CLI exports, open data) is
// one of the tables of results-table.ts, summary-table.ts or rankings-table.ts written here; the
// API answers those tables' JSON objects.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Clock } from '../clock.ts';
import { loadExcel } from '../lazy-modules.ts';
import { safeCell } from '../domain/spreadsheet-cell.ts';
import { csvText } from './csv.ts';
import { csvCell, publishedCell, stampWorkbook, XLSX_DECIMALS_FORMAT } from './table-export.ts';

export type StreamCell = string | number | boolean | null;

export interface StreamColumn {
  key: string;
  header: string;
  /** Shown with 2 decimals in CSV and XLSX. */
  decimals?: boolean;
}

export interface StreamTable<T> {
  name: string;
  columns: StreamColumn[];
  /** The flat row of CSV and XLSX. */
  row: (item: T) => Record<string, StreamCell>;
  /** The JSON object (full precision). */
  json: (item: T) => unknown;
}

async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Writes every page to `out` (not ended: the caller owns the stream); a workbook is dated by
 * `clock` (the services' clock). Returns the row count.
 */
export async function writeTableStream<T>(
  format: 'csv' | 'xlsx' | 'json',
  table: StreamTable<T>,
  pages: AsyncIterable<T[]>,
  out: Writable,
  clock: Clock,
): Promise<number> {
  let n = 0;
  if (format === 'json') {
    await write(out, '[');
    for await (const page of pages) {
      if (page.length === 0) continue;
      const body = page.map((item) => JSON.stringify(table.json(item))).join(',\n');
      await write(out, `${n === 0 ? '\n' : ',\n'}${body}`);
      n += page.length;
    }
    await write(out, '\n]\n');
    return n;
  }
  if (format === 'csv') {
    await write(out, csvText([table.columns.map((c) => c.header)]));
    for await (const page of pages) {
      const rows = page.map((item) => {
        const r = table.row(item);
        return table.columns.map((c) => {
          return csvCell(r[c.key], c.decimals);
        });
      });
      if (rows.length)
        await write(
          out,
          csvText(rows, { bom: false, cast: { boolean: (b) => (b ? 'true' : 'false') } }),
        );
      n += page.length;
    }
    return n;
  }
  const wb = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  stampWorkbook(wb, clock);
  const ws = wb.addWorksheet(table.name.slice(0, 31));
  ws.columns = table.columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: Math.max(10, c.header.length + 2),
    ...(c.decimals ? { style: { numFmt: XLSX_DECIMALS_FORMAT } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const page of pages) {
    for (const item of page) {
      const r = table.row(item);
      for (const c of table.columns)
        r[c.key] = c.decimals ? publishedCell(r[c.key], true) : safeCell(r[c.key] ?? null);
      ws.addRow(r).commit();
    }
    n += page.length;
  }
  ws.commit();
  await wb.commit();
  return n;
}

/** Pages from an array (summaries and rankings are small enough to hold). */
export async function* pagesOf<T>(items: T[], size = 1000): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
