// What every imported table is made of (header-keyed rows with their line numbers), the options of
// a read, and the checks the CSV and XLSX readers share (header names, value length, empty file).
import { Readable } from 'node:stream';
import type { ImportIssue } from '../domain/import-issue.ts';
import { bare, problem, type Problem } from '../domain/problem.ts';
import { ImportRejected } from './import-rejected.ts';
import { TEXT_LIMITS } from '../domain/text-limits.ts';
import { unquoteCell } from '../domain/spreadsheet-cell.ts';

/** A cell as rows hold it: trimmed, and a formula guard's quote taken off. */
export const cleanCell = (raw: string): string => unquoteCell(raw.trim());

export interface TableRow {
  line: number;
  /** The row's cells by header name, trimmed and unquoted. */
  readonly values: Record<string, string>;
  /** The cell under the header's `i`-th name, as `values` has it, without making `values`. */
  cell(i: number): string;
}

/**
 * A row whose cells are cleaned (`clean`) only when read: an import of a million rows reads each
 * row by position (`cell`) and never makes the record of 80 names that `values` is.
 */
export class LazyRow implements TableRow {
  private record: Record<string, string> | undefined;
  constructor(
    readonly line: number,
    private readonly header: readonly string[],
    private readonly raw: readonly (string | undefined)[],
    private readonly clean: (raw: string) => string,
  ) {}
  cell(i: number): string {
    return this.clean(this.raw[i] ?? '');
  }
  get values(): Record<string, string> {
    if (!this.record) {
      const v: Record<string, string> = {};
      for (let i = 0; i < this.header.length; i++) v[this.header[i]!] = this.cell(i);
      this.record = v;
    }
    return this.record;
  }
}

export type TableItem = { header: string[] } | { row: TableRow };

/** A file as bytes (Buffer or stream) or, from code that already holds it, as text. */
export type TableSource = Readable | Uint8Array | string;

export const TEXT_ENCODINGS = ['utf-8', 'windows-874'] as const;

export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface ReadOptions {
  /** The CSV's encoding; unset: detected (UTF-8 unless the bytes cannot be UTF-8 Thai). */
  encoding?: TextEncodingName;
}

/** Longest value in any cell. Generous for notes and comments; a 3-million-character name is not. */
export const MAX_FIELD_CHARS = TEXT_LIMITS.importValue;

/** A column by its header name, or by position (#3) before the header is known. */
export const column = (header: string[] | undefined, i: number) => header?.[i] || `#${i + 1}`;

/** An unreadable byte in `column`: what to do about it depends on the encoding read. */
export const badByte =
  (encoding: TextEncodingName | undefined) =>
  (column: string): Problem =>
    problem(column, 'byte_invalid', { encoding: encoding ?? 'utf-8' });

/** Header names trimmed; a repeated or empty name is refused (line 1, that column). */
export function checkHeaderNames(file: string, raw: string[]): string[] {
  const header = raw.map((h) => h.trim());
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === '')
      issues.push({ line: 1, ...problem(`#${i + 1}`, 'column_unnamed', { index: i + 1 }) });
    else if (seen.has(h)) issues.push({ line: 1, ...problem(h, 'column_repeated', { column: h }) });
    seen.add(h);
  });
  if (issues.length) throw new ImportRejected(file, issues);
  return header;
}

export const emptyFile = (file: string) =>
  new ImportRejected(file, [{ line: 1, ...bare('', 'file_empty') }]);
