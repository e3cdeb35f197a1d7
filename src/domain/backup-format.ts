// The backup file's structure, read one line at a time: a header, then per table a `#table` line,
// its rows as JSON objects and an `#end` line with the count, then a `#done` line with the totals.
// One reader for everyone who must know a file is whole: `itas restore` (which also loads the rows)
// and `itas backup` fetching from a running server (which keeps the file only if it checks out).
import type { BackupFileProblem } from './problem-params/backup.ts';
import { bare, problem } from './problem.ts';

export const BACKUP_FORMAT = 'open-itas-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
}

export interface BackupTotals {
  tables: number;
  rows: number;
}

/** What one line of a backup is, once it has been checked against the lines before it. */
export type BackupLine =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; name: string; columns: string[] }
  | { kind: 'row'; json: string }
  | { kind: 'end'; name: string; rows: number }
  | { kind: 'done'; totals: BackupTotals }
  | { kind: 'blank' };

/** A line that breaks the structure, by its number and a coded problem (the catalogue words it). */
export class BackupFileError extends Error {
  constructor(
    readonly line: number,
    readonly problem: BackupFileProblem,
  ) {
    super(`line ${line}: ${problem.code}`);
    this.name = 'BackupFileError';
  }
}

/**
 * A reader of one backup, fed line by line. It checks the order of the parts and every count;
 * `finish()` throws unless the `#done` line was reached with totals that match.
 */
export function createBackupReader() {
  let lineNo = 0;
  let header: BackupHeader | undefined;
  let current: { name: string; n: number } | undefined;
  let tables = 0;
  let rows = 0;
  let done = false;
  const fail = (p: BackupFileProblem) => new BackupFileError(lineNo, p);

  return {
    line(line: string): BackupLine {
      lineNo++;
      if (done) {
        if (line.trim() === '') return { kind: 'blank' };
        throw fail(bare('', 'backup_after_end'));
      }
      if (!header) {
        header = parseHeader(line, fail);
        return { kind: 'header', header };
      }
      if (line.startsWith('#table ')) {
        if (current) throw fail(bare('', 'backup_table_unended'));
        const t = parseJson<{ name?: unknown; columns?: unknown }>(line.slice(7), fail);
        if (typeof t.name !== 'string' || !Array.isArray(t.columns))
          throw fail(bare('', 'backup_table_line_incomplete'));
        current = { name: t.name, n: 0 };
        tables++;
        return { kind: 'table', name: t.name, columns: t.columns.map(String) };
      }
      if (line.startsWith('#end ')) {
        const e = parseJson<{ name: string; rows: number }>(line.slice(5), fail);
        if (!current || e.name !== current.name || e.rows !== current.n)
          throw fail(bare('', 'backup_row_count_off'));
        rows += current.n;
        current = undefined;
        return { kind: 'end', name: e.name, rows: e.rows };
      }
      if (line.startsWith('#done ')) {
        if (current) throw fail(bare('', 'backup_last_table_incomplete'));
        const d = parseJson<BackupTotals>(line.slice(6), fail);
        if (d.tables !== tables || d.rows !== rows) throw fail(bare('', 'backup_totals_off'));
        done = true;
        return { kind: 'done', totals: { tables, rows } };
      }
      if (!current || !line.startsWith('{')) throw fail(bare('', 'backup_not_a_row'));
      current.n++;
      return { kind: 'row', json: line };
    },

    /** After the last line: the header and totals of a whole file, or why it is not whole. */
    finish(): { header: BackupHeader; totals: BackupTotals } {
      if (!header) throw new BackupFileError(1, bare('', 'backup_file_empty'));
      if (!done) throw fail(bare('', 'backup_cut_short'));
      return { header, totals: { tables, rows } };
    },
  };
}

export type BackupReader = ReturnType<typeof createBackupReader>;

type Fail = (p: BackupFileProblem) => BackupFileError;

function parseJson<T>(text: string, fail: Fail): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw fail(bare('', 'backup_json_unreadable'));
  }
}

function parseHeader(line: string, fail: Fail): BackupHeader {
  const h = parseJson<Partial<BackupHeader> | null>(line, fail);
  if (h?.format !== BACKUP_FORMAT || !Array.isArray(h.migrations))
    throw fail(bare('', 'backup_not_open_itas'));
  if (h.version !== BACKUP_VERSION)
    throw fail(problem('', 'backup_version_unsupported', { version: String(h.version) }));
  return h as BackupHeader;
}
