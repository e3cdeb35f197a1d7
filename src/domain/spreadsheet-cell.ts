// The one guard against formula injection in what we export (OWASP "CSV Injection"): Excel,
// LibreOffice and Google Sheets run a cell that starts with = + - @ (or a tab or CR before one)
// as a formula, so a coordinator named =HYPERLINK("http://evil.example","x") would become a live
// link, or worse, in the NACC's spreadsheet. Such text gets a leading apostrophe, which the
// spreadsheet shows as text. Every CSV and XLSX writer passes each cell through safeCell.

// = + - @ tab CR
const TRIGGER = /^[=+\-@\t\r]/;
// A plain number written as text ("-1.50" from a fixed-decimals column) is data, not a formula:
// spreadsheets read it as the number it is, and neutralising it would break the column.
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The cell as it is safe to write: text that a spreadsheet would run gets a leading `'`. */
export function safeCell<T>(value: T): T | string {
  if (typeof value !== 'string' || !TRIGGER.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/**
 * A cell read back by an import: the apostrophe that safeCell (or a person in Excel) put before
 * a formula character is dropped, so an exported file imports as the data it came from.
 */
export function unquoteCell(value: string): string {
  return value.startsWith("'") && safeCell(value.slice(1)) === value ? value.slice(1) : value;
}
