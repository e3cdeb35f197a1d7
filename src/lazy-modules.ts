// Packages that only some commands and requests need, loaded on first use: exceljs alone took
// a quarter of a second of every `itas` command's and the server's start-up, for the .xlsx
// imports and downloads that most of them never make (issue 17, start-up).
import type * as ExcelModule from 'exceljs';

type Excel = typeof ExcelModule;

/** exceljs, loaded once, when an .xlsx is first read or written. */
export const loadExcel = (() => {
  let loading: Promise<Excel> | undefined;
  // A CommonJS package: its exports are the ES module's default.
  return () => (loading ??= import('exceljs').then((m) => (m as { default?: Excel }).default ?? m));
})();
