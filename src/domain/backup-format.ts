// The backup file's structure, read one line at a time: a header, then per table a `#table` line,
// its rows as JSON objects and an `#end` line with the count, then a `#done` line with the totals.
// One reader for everyone who must know a file is whole: `itas restore` (which also loads the rows)
// and `itas backup` fetching from a running server (which keeps the file only if it checks out).
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

/** A line that breaks the structure; `where` is `line N`. */
export class BackupFileError extends Error {
  constructor(
    readonly where: string,
    readonly th: string,
    readonly en: string,
  ) {
    super(`${where}: ${en}`);
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
  const fail = (th: string, en: string) => new BackupFileError(`line ${lineNo}`, th, en);

  return {
    line(line: string): BackupLine {
      lineNo++;
      if (done) {
        if (line.trim() === '') return { kind: 'blank' };
        throw fail('มีข้อมูลต่อท้ายหลังบรรทัดสิ้นสุด', 'data after the end line');
      }
      if (!header) {
        header = parseHeader(line, fail);
        return { kind: 'header', header };
      }
      if (line.startsWith('#table ')) {
        if (current) throw fail('ตารางก่อนหน้ายังไม่จบ', 'the previous table has no end line');
        const t = parseJson<{ name?: unknown; columns?: unknown }>(line.slice(7), fail);
        if (typeof t.name !== 'string' || !Array.isArray(t.columns))
          throw fail('บรรทัดเริ่มตารางไม่สมบูรณ์', 'an incomplete table line');
        current = { name: t.name, n: 0 };
        tables++;
        return { kind: 'table', name: t.name, columns: t.columns.map(String) };
      }
      if (line.startsWith('#end ')) {
        const e = parseJson<{ name: string; rows: number }>(line.slice(5), fail);
        if (!current || e.name !== current.name || e.rows !== current.n)
          throw fail('จำนวนแถวของตารางไม่ตรงกับที่บันทึกไว้', 'a table’s row count does not match');
        rows += current.n;
        current = undefined;
        return { kind: 'end', name: e.name, rows: e.rows };
      }
      if (line.startsWith('#done ')) {
        if (current) throw fail('ตารางสุดท้ายไม่ครบ', 'the last table is incomplete');
        const d = parseJson<BackupTotals>(line.slice(6), fail);
        if (d.tables !== tables || d.rows !== rows)
          throw fail('จำนวนตารางหรือแถวไม่ตรงกับที่บันทึกไว้', 'table or row totals do not match');
        done = true;
        return { kind: 'done', totals: { tables, rows } };
      }
      if (!current || !line.startsWith('{'))
        throw fail('บรรทัดไม่ใช่ข้อมูลของตาราง', 'not a row of a table');
      current.n++;
      return { kind: 'row', json: line };
    },

    /** After the last line: the header and totals of a whole file, or why it is not whole. */
    finish(): { header: BackupHeader; totals: BackupTotals } {
      if (!header) throw new BackupFileError('line 1', 'ไฟล์ว่าง', 'the file is empty');
      if (!done) throw fail('ไฟล์ถูกตัดก่อนจบ (ไม่พบบรรทัดสิ้นสุด)', 'the file is cut short (no end line)');
      return { header, totals: { tables, rows } };
    },
  };
}

export type BackupReader = ReturnType<typeof createBackupReader>;

type Fail = (th: string, en: string) => BackupFileError;

function parseJson<T>(text: string, fail: Fail): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw fail('อ่าน JSON ไม่ได้', 'unreadable JSON');
  }
}

function parseHeader(line: string, fail: Fail): BackupHeader {
  const h = parseJson<Partial<BackupHeader> | null>(line, fail);
  if (h?.format !== BACKUP_FORMAT || !Array.isArray(h.migrations))
    throw fail('ไม่ใช่ไฟล์สำรองข้อมูลของ Open ITAS', 'not an Open ITAS backup');
  if (h.version !== BACKUP_VERSION)
    throw fail(
      `ไม่รองรับรุ่นไฟล์ ${String(h.version)}`,
      `unsupported file version ${String(h.version)}`,
    );
  return h as BackupHeader;
}
