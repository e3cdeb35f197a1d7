// Backup and restore of the whole database, the same on PGlite and PostgreSQL (issue 19.1).
//
// A backup is one consistent snapshot (a repeatable-read, read-only transaction) of every
// application table, written as gzipped lines: a header with the schema's migrations, then per
// table a `#table` line, its rows as JSON (row_to_json) and an `#end` line with the count, and a
// final `#done` line. A restore goes into an empty database in one transaction: all or nothing, and
// a file cut short (no `#done`, or a table's count off) leaves the target as it was. The file's
// structure is read by domain/backup-format.ts; each backup is audited (`database.backup`). The
// running server hands its backup to `itas backup` through backupForDownload (ADR 0015).
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { isNaccAdmin, type Actor } from '../domain/actor.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupFileError,
  createBackupReader,
  type BackupHeader,
} from '../domain/backup-format.ts';
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
import { recordAudit } from './audit.service.ts';
import type {
  BackupFileProblem,
  BackupPlace,
  BackupProblemParams,
} from '../domain/problem-params/backup.ts';
import { bare, problem, type Problem } from '../domain/problem.ts';
import { forbidden, Refusal } from './errors.ts';
import type { ServiceContext } from './service-options.ts';

export { BACKUP_FORMAT, BACKUP_VERSION };
/** Filled by the target's own start-up (ensureReferenceData); a restore replaces them. */
const REFERENCE_TABLES = new Set(['provinces', 'districts']);
const BATCH = 2000;
/** SQLSTATE read_only_sql_transaction: a hot standby, where the audit entry cannot be written. */
const READ_ONLY = '25006';

export interface BackupSummary {
  tables: number;
  rows: number;
  migrations: string[];
}

/** A backup or restore that cannot be done (409; CLI exit 1), by code: the catalogue words it. */
export class BackupRefused extends Refusal {
  constructor(problem: Problem<keyof BackupProblemParams>) {
    super(409, problem);
  }
}

/** A finished snapshot in a private temporary file, for the server to send (see backupForDownload). */
export interface BackupDownload {
  path: string;
  bytes: number;
  summary: BackupSummary;
  /** Deletes the file and its folder; safe to call more than once. */
  dispose: () => void;
}

const mustBeOperator = (actor: Actor) => {
  if (!isNaccAdmin(actor)) throw forbidden(bare('', 'backup_forbidden'));
};

const bad = (at: BackupPlace, p: BackupFileProblem) =>
  new BackupRefused(problem('', 'backup_unusable', { at, problem: p }));
const noFile = (path: string) => new BackupRefused(problem('', 'backup_no_file', { path }));

export function createBackupService({ db, clock }: Pick<ServiceContext, 'db' | 'clock'>) {
  const backups = {
    /** Writes a snapshot of every table, line by line, to `write`. */
    async backup(actor: Actor, write: (line: string) => Promise<void>): Promise<BackupSummary> {
      mustBeOperator(actor);
      const createdAt = clock().toISOString();
      // Committed before the snapshot begins, so the backup holds its own entry and a copy
      // restored from it equals the source at the snapshot, audit log included. A backup that
      // then fails still leaves its entry: someone asked for the whole database.
      try {
        await recordAudit(db, {
          actor,
          action: 'database.backup',
          recordType: 'database',
          recordId: createdAt,
        });
      } catch (e) {
        if ((e as { code?: unknown }).code !== READ_ONLY) throw e;
      }
      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (tx) => {
          const migrations = await appliedMigrations(tx);
          const header: BackupHeader = {
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            createdAt,
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
      // Mode 0600: a backup holds every password hash and audit entry.
      const done = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
      try {
        const summary = await backups.backup(actor, async (line) => {
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
     * The running server's backup (POST /ops/backup): the snapshot goes to a private temporary
     * file first, so the database (one connection on PGlite) is held only for as long as the
     * snapshot takes, never for as long as a slow client takes to read it.
     */
    async backupForDownload(actor: Actor): Promise<BackupDownload> {
      mustBeOperator(actor);
      const dir = mkdtempSync(join(tmpdir(), 'itas-backup-'));
      const dispose = () => rmSync(dir, { recursive: true, force: true });
      try {
        const path = join(dir, 'backup.itas.gz');
        const summary = await backups.backupToFile(actor, path);
        return { path, bytes: statSync(path).size, summary, dispose };
      } catch (e) {
        dispose();
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
          throw new BackupRefused(problem('', 'backup_restore_not_empty', { tables: nonEmpty }));
        const mine = await appliedMigrations(tx);
        for (const name of [...tables.keys()].reverse())
          if (REFERENCE_TABLES.has(name)) await emptyTable(tx, name);

        // The reader checks the file's structure and counts; this loop checks it against the
        // database and loads the rows.
        const reader = createBackupReader();
        let current: { table: TableInfo; columns: string[] } | undefined;
        let batch: string[] = [];
        const flush = async () => {
          if (current && batch.length > 0)
            await writeRows(tx, current.table, current.columns, batch);
          batch = [];
        };
        try {
          let lineNo = 0;
          for await (const line of lines) {
            lineNo++;
            const part = reader.line(line);
            if (part.kind === 'header') {
              const extra = part.header.migrations.filter((m) => !mine.includes(m));
              if (extra.length > 0)
                throw new BackupRefused(problem('', 'backup_restore_newer', { migrations: extra }));
            } else if (part.kind === 'table') {
              const at = { line: lineNo };
              const table = tables.get(part.name);
              if (!table) throw bad(at, problem('', 'backup_table_unknown', { table: part.name }));
              const unknown = part.columns.filter((c) => !table.columns.includes(c));
              if (unknown.length > 0)
                throw bad(
                  at,
                  problem('', 'backup_columns_unknown', { table: part.name, columns: unknown }),
                );
              current = { table, columns: part.columns };
            } else if (part.kind === 'row') {
              batch.push(part.json);
              if (batch.length >= BATCH) await flush();
            } else if (part.kind === 'end') {
              await flush();
              await resetIdentities(tx, current!.table);
              current = undefined;
            }
          }
          const { header, totals } = reader.finish();
          return { tables: totals.tables, rows: totals.rows, migrations: header.migrations };
        } catch (e) {
          if (e instanceof BackupFileError) throw bad({ line: e.line }, e.problem);
          throw e;
        }
      });
    },

    /** Restores a gzip backup file (see backupToFile). */
    async restoreFromFile(actor: Actor, path: string): Promise<BackupSummary> {
      mustBeOperator(actor);
      if (!existsSync(path)) throw noFile(path);
      try {
        return await backups.restore(actor, gzipLines(path));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw noFile(path);
        if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
          throw bad({ path }, bare('', 'backup_not_gzip'));
        throw e;
      }
    },
  };
  return backups;
}

/**
 * The lines of a gzip file, read only as they are asked for: nothing is opened before the restore
 * starts reading (a stream opened earlier would flow on while the restore waits on the database),
 * and a read or gzip error surfaces in the reader.
 */
export async function* gzipLines(path: string): AsyncGenerator<string> {
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

export type BackupService = ReturnType<typeof createBackupService>;
