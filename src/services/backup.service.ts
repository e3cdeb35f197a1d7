// Backup and restore of the whole database, the same on PGlite and PostgreSQL (issue 19.1).
//
// A backup is one consistent snapshot (a repeatable-read, read-only transaction) of every
// application table, written as gzipped lines: a header with the schema's migrations, then per
// table a `#table` line, its rows as JSON (row_to_json) and an `#end` line with the count, and a
// final `#done` line. A restore goes into an empty database in one transaction: all or nothing, and
// a file cut short (no `#done`, or a table's count off) leaves the target as it was.
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { isNaccAdmin, type Actor } from '../domain/actor.ts';
import type { Db } from '../storage/database.ts';
import {
  appliedMigrations,
  countRows,
  emptyTable,
  listTables,
  readTable,
  resetIdentities,
  writeRows,
  type TableInfo,
} from '../storage/backup.repository.ts';
import { ForbiddenError, ServiceError } from './errors.ts';

export const BACKUP_FORMAT = 'open-itas-backup';
export const BACKUP_VERSION = 1;
/** Filled by the target's own start-up (ensureReferenceData); a restore replaces them. */
const REFERENCE_TABLES = new Set(['provinces', 'districts']);
const BATCH = 2000;

export interface BackupSummary {
  tables: number;
  rows: number;
  migrations: string[];
}

interface Header {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
}

class RestoreRefused extends ServiceError {
  constructor(th: string, en: string) {
    super(409, th, en);
  }
}

const mustBeOperator = (actor: Actor) => {
  if (!isNaccAdmin(actor))
    throw new ForbiddenError(
      'เฉพาะผู้ดูแลระบบของ สำนักงาน ป.ป.ช. เท่านั้นที่สำรองและกู้คืนข้อมูลได้',
      'Only NACC administrators may back up or restore the database',
    );
};

const bad = (where: string, th: string, en: string) =>
  new RestoreRefused(
    `ไฟล์สำรองข้อมูลใช้ไม่ได้ (${where}): ${th}`,
    `Unusable backup file (${where}): ${en}`,
  );

export function createBackupService(db: Db, { now }: { now: () => Date }) {
  return {
    /** Writes a snapshot of every table, line by line, to `write`. */
    async backup(actor: Actor, write: (line: string) => Promise<void>): Promise<BackupSummary> {
      mustBeOperator(actor);
      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (tx) => {
          const migrations = await appliedMigrations(tx);
          const header: Header = {
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            createdAt: now().toISOString(),
            migrations,
          };
          await write(JSON.stringify(header));
          let rows = 0;
          const tables = await listTables(tx);
          for (const t of tables) {
            await write(`#table ${JSON.stringify({ name: t.name, columns: t.columns })}`);
            let n = 0;
            for await (const batch of readTable(tx, t.name, BATCH)) {
              for (const row of batch) await write(row);
              n += batch.length;
            }
            await write(`#end ${JSON.stringify({ name: t.name, rows: n })}`);
            rows += n;
          }
          await write(`#done ${JSON.stringify({ tables: tables.length, rows })}`);
          return { tables: tables.length, rows, migrations };
        });
    },

    /** Backs up into a gzip file; the file appears only when complete (written aside, renamed). */
    async backupToFile(actor: Actor, path: string): Promise<BackupSummary> {
      mustBeOperator(actor);
      const partial = `${path}.partial`;
      const gzip = createGzip();
      const done = pipeline(gzip, createWriteStream(partial));
      try {
        const summary = await this.backup(actor, async (line) => {
          if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
        });
        gzip.end();
        await done;
        renameSync(partial, path);
        return summary;
      } catch (e) {
        gzip.destroy();
        await done.catch(() => {});
        rmSync(partial, { force: true });
        throw e;
      }
    },

    /**
     * Restores lines of a backup into this database, which must hold no data (its migrations may
     * be newer than the backup's: columns the backup lacks take their defaults). One transaction.
     */
    async restore(actor: Actor, lines: AsyncIterable<string>): Promise<BackupSummary> {
      mustBeOperator(actor);
      return db.transaction().execute(async (tx) => {
        const tables = new Map((await listTables(tx)).map((t) => [t.name, t]));
        const nonEmpty: string[] = [];
        for (const name of tables.keys())
          if (!REFERENCE_TABLES.has(name) && (await countRows(tx, name)) > 0) nonEmpty.push(name);
        if (nonEmpty.length > 0)
          throw new RestoreRefused(
            `กู้คืนได้เฉพาะฐานข้อมูลที่ว่างเท่านั้น แต่ตาราง ${nonEmpty.join(', ')} มีข้อมูลอยู่แล้ว`,
            `A restore needs an empty database, but ${nonEmpty.join(', ')} already hold data`,
          );
        const mine = await appliedMigrations(tx);
        for (const name of [...tables.keys()].reverse())
          if (REFERENCE_TABLES.has(name)) await emptyTable(tx, name);

        let header: Header | undefined;
        let current: { table: TableInfo; columns: string[]; n: number } | undefined;
        let batch: string[] = [];
        let total = 0;
        let count = 0;
        let done = false;
        let lineNo = 0;
        const flush = async () => {
          if (current && batch.length > 0)
            await writeRows(tx, current.table, current.columns, batch);
          batch = [];
        };
        for await (const line of lines) {
          lineNo++;
          const where = `line ${lineNo}`;
          if (done) {
            if (line.trim() === '') continue;
            throw bad(where, 'มีข้อมูลต่อท้ายหลังบรรทัดสิ้นสุด', 'data after the end line');
          }
          if (!header) {
            header = parseHeader(line, where);
            const extra = header.migrations.filter((m) => !mine.includes(m));
            if (extra.length > 0)
              throw new RestoreRefused(
                `ไฟล์สำรองข้อมูลมาจากรุ่นที่ใหม่กว่าโปรแกรมนี้ (ไม่รู้จัก ${extra.join(', ')}) ให้ใช้โปรแกรมรุ่นเดียวกันหรือใหม่กว่า`,
                `The backup comes from a newer version (unknown migrations ${extra.join(', ')}); restore it with the same or a newer version`,
              );
            continue;
          }
          if (line.startsWith('#table ')) {
            await flush();
            const t = parseJson<{ name: string; columns: string[] }>(line.slice(7), where);
            const table = tables.get(t.name);
            if (!table) throw bad(where, `ไม่รู้จักตาราง ${t.name}`, `unknown table ${t.name}`);
            const unknown = t.columns.filter((c) => !table.columns.includes(c));
            if (unknown.length > 0)
              throw bad(
                where,
                `ตาราง ${t.name} ไม่มีคอลัมน์ ${unknown.join(', ')}`,
                `table ${t.name} has no column ${unknown.join(', ')}`,
              );
            current = { table, columns: t.columns, n: 0 };
            count++;
          } else if (line.startsWith('#end ')) {
            await flush();
            const e = parseJson<{ name: string; rows: number }>(line.slice(5), where);
            if (!current || e.name !== current.table.name || e.rows !== current.n)
              throw bad(
                where,
                'จำนวนแถวของตารางไม่ตรงกับที่บันทึกไว้',
                'a table’s row count does not match',
              );
            await resetIdentities(tx, current.table);
            total += current.n;
            current = undefined;
          } else if (line.startsWith('#done ')) {
            if (current) throw bad(where, 'ตารางสุดท้ายไม่ครบ', 'the last table is incomplete');
            const d = parseJson<{ tables: number; rows: number }>(line.slice(6), where);
            if (d.tables !== count || d.rows !== total)
              throw bad(
                where,
                'จำนวนตารางหรือแถวไม่ตรงกับที่บันทึกไว้',
                'table or row totals do not match',
              );
            done = true;
          } else {
            if (!current || !line.startsWith('{'))
              throw bad(where, 'บรรทัดไม่ใช่ข้อมูลของตาราง', 'not a row of a table');
            batch.push(line);
            current.n++;
            if (batch.length >= BATCH) await flush();
          }
        }
        if (!header) throw bad('line 1', 'ไฟล์ว่าง', 'the file is empty');
        if (!done)
          throw bad(
            `line ${lineNo}`,
            'ไฟล์ถูกตัดก่อนจบ (ไม่พบบรรทัดสิ้นสุด)',
            'the file is cut short (no end line)',
          );
        return { tables: count, rows: total, migrations: header.migrations };
      });
    },

    /** Restores a gzip backup file (see backupToFile). */
    async restoreFromFile(actor: Actor, path: string): Promise<BackupSummary> {
      mustBeOperator(actor);
      if (!existsSync(path)) throw new RestoreRefused(`ไม่พบไฟล์ ${path}`, `No such file: ${path}`);
      try {
        return await this.restore(actor, gzipLines(path));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new RestoreRefused(`ไม่พบไฟล์ ${path}`, `No such file: ${path}`);
        if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
          throw bad(path, 'ไม่ใช่ไฟล์ gzip ที่สมบูรณ์', 'not a complete gzip file');
        throw e;
      }
    },
  };
}

/**
 * The lines of a gzip file, read only as they are asked for: nothing is opened before the restore
 * starts reading (a stream opened earlier would flow on while the restore waits on the database),
 * and a read or gzip error surfaces in the reader.
 */
async function* gzipLines(path: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const reading = pipeline(createReadStream(path), gunzip);
  reading.catch(() => {}); // surfaced through the gunzip stream below
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    const parts = (rest + decoder.write(chunk)).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
  await reading;
}

function parseJson<T>(text: string, where: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw bad(where, 'อ่าน JSON ไม่ได้', 'unreadable JSON');
  }
}

function parseHeader(line: string, where: string): Header {
  const h = parseJson<Partial<Header>>(line, where);
  if (h.format !== BACKUP_FORMAT || !Array.isArray(h.migrations))
    throw bad(where, 'ไม่ใช่ไฟล์สำรองข้อมูลของ Open ITAS', 'not an Open ITAS backup');
  if (h.version !== BACKUP_VERSION)
    throw bad(
      where,
      `ไม่รองรับรุ่นไฟล์ ${String(h.version)}`,
      `unsupported file version ${String(h.version)}`,
    );
  return h as Header;
}

export type BackupService = ReturnType<typeof createBackupService>;
