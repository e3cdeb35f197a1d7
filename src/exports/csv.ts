// Every CSV this system writes for people goes through here: a BOM so spreadsheet programs read
// Thai as UTF-8, and every cell through safeCell (no formula injection; docs/formats.md).
import { stringify, type Options } from 'csv-stringify/sync';
import { safeCell } from '../domain/spreadsheet-cell.ts';

/** Rows (the header first) as CSV text; `bom: false` for the later pages of a streamed file. */
export function csvText(
  rows: readonly (readonly unknown[])[],
  { bom = true, ...options }: Options & { bom?: boolean } = {},
): string {
  const safe = rows.map((row) => row.map((v) => safeCell(v)));
  return (bom ? '\uFEFF' : '') + stringify(safe, options);
}
