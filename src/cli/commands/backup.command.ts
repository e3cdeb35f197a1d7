// `itas backup --out FILE` and `itas restore FILE`: the whole database as one consistent,
// gzipped snapshot, restorable into an empty database on either engine (docs/operations.md).
// Beside a running server that owns the embedded database, the backup is asked of that server.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SYSTEM_CLI } from '../../domain/actor.ts';
import { problem } from '../../domain/problem.ts';
import { fetchBackupFromServer } from '../../services/backup-fetch.ts';
import { BackupRefused, type BackupSummary } from '../../services/backup.service.ts';
import { DatabaseInUse } from '../../storage/pglite-lock.ts';
import { UsageError, type CliContext, type Command } from '../command.ts';

/**
 * The embedded database's folder is held by a running server: ask it for the snapshot (ADR 0015).
 * Another owner (a CLI, a server not listening yet) or no BACKUP_TOKEN: refused as before.
 */
async function backupThroughServer(
  e: DatabaseInUse,
  out: string,
  ctx: CliContext,
): Promise<BackupSummary> {
  const token = ctx.config.backupToken;
  if (!e.serverUrl) throw e;
  if (!token)
    throw new BackupRefused(problem('', 'backup_needs_token', { dir: e.dir, pid: e.pid }));
  ctx.out(
    `Taking the backup through the running server (pid ${e.pid}, ${e.serverUrl})\n` +
      `สำรองข้อมูลผ่านเซิร์ฟเวอร์ที่กำลังทำงาน (process ${e.pid})\n`,
  );
  return fetchBackupFromServer({ serverUrl: e.serverUrl, token, path: out });
}

export const backupCommand: Command = {
  path: ['backup'],
  summary: 'Write a consistent snapshot of the whole database to a gzip file',
  usage: 'itas backup --out FILE [--force]',
  opensBehind: true,
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string' }, force: { type: 'boolean' } },
      allowPositionals: false,
    });
    if (!values.out) throw new UsageError('--out FILE is required');
    if (existsSync(values.out) && !values.force)
      throw new UsageError(
        `${values.out} exists: choose another name or add --force\n${values.out} มีอยู่แล้ว: ใช้ชื่ออื่นหรือเพิ่ม --force`,
      );
    let s: BackupSummary;
    try {
      const services = await ctx.services();
      s = await services.backup.backupToFile(SYSTEM_CLI, values.out);
    } catch (e) {
      if (!(e instanceof DatabaseInUse)) throw e;
      s = await backupThroughServer(e, values.out, ctx);
    }
    ctx.out(
      `Backed up ${s.rows} rows of ${s.tables} tables (schema ${s.migrations.at(-1) ?? '-'}) to ${values.out}\n` +
        `สำรองข้อมูล ${s.rows} แถว จาก ${s.tables} ตาราง ไว้ที่ ${values.out}\n`,
    );
    return 0;
  },
};

export const restoreCommand: Command = {
  path: ['restore'],
  summary: 'Restore a backup file into an empty database (all or nothing)',
  usage: 'itas restore FILE',
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new UsageError('one backup FILE is required');
    const services = await ctx.services();
    const s = await services.backup.restoreFromFile(SYSTEM_CLI, file);
    ctx.out(
      `Restored ${s.rows} rows of ${s.tables} tables from ${file}\n` +
        `กู้คืนข้อมูล ${s.rows} แถว จาก ${s.tables} ตาราง แล้ว\n`,
    );
    return 0;
  },
};
