// `itas backup` beside a running server on the embedded database: the server owns the folder, so
// the snapshot is asked of the server (POST /ops/backup with BACKUP_TOKEN) and written as
// FILE.partial; FILE appears only once the transfer has ended and the file reads as a whole backup
// (gzip intact, every table's count and the totals right). Anything less leaves no FILE.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { BackupFileError, createBackupReader } from '../domain/backup-format.ts';
import { BackupRefused, gzipLines, type BackupSummary } from './backup.service.ts';

export const BACKUP_PATH = '/ops/backup';

export interface FetchBackupOptions {
  /** The running server's own address (from the database folder's lock file). */
  serverUrl: string;
  token: string;
  path: string;
  fetchImpl?: typeof fetch;
}

const refused = (th: string, en: string) => new BackupRefused(th, en);

/** Why the server said no, without repeating anything it sent back. */
function refusal(status: number, retryAfter: string | null, url: string): BackupRefused {
  if (status === 401)
    return refused(
      `เซิร์ฟเวอร์ที่ ${url} ไม่รับ BACKUP_TOKEN นี้ ให้ใช้ค่าเดียวกับที่ตั้งไว้ให้เซิร์ฟเวอร์`,
      `The server at ${url} refused this BACKUP_TOKEN: use the same value the server is configured with`,
    );
  if (status === 404)
    return refused(
      `เซิร์ฟเวอร์ที่ ${url} ไม่ได้เปิดการสำรองข้อมูล: ตั้ง BACKUP_TOKEN ให้เซิร์ฟเวอร์แล้วเริ่มใหม่ หรือหยุดเซิร์ฟเวอร์ก่อนสำรองข้อมูล`,
      `The server at ${url} does not serve backups: set BACKUP_TOKEN in its configuration and restart it, or stop it for the backup`,
    );
  if (status === 429)
    return refused(
      `เซิร์ฟเวอร์กำลังสำรองข้อมูลอยู่หรือเพิ่งสำรองไป ให้ลองใหม่ในอีก ${retryAfter ?? '10'} วินาที`,
      `The server is taking a backup or has just taken one: try again in ${retryAfter ?? '10'} seconds`,
    );
  return refused(
    `เซิร์ฟเวอร์ที่ ${url} สำรองข้อมูลไม่สำเร็จ (HTTP ${status})`,
    `The server at ${url} could not take the backup (HTTP ${status})`,
  );
}

/** Asks the running server for a backup and keeps it at `path` only when it is whole. */
export async function fetchBackupFromServer(opts: FetchBackupOptions): Promise<BackupSummary> {
  const { serverUrl, token, path, fetchImpl = fetch } = opts;
  let res: Response;
  try {
    res = await fetchImpl(new URL(BACKUP_PATH, serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
  } catch {
    throw refused(
      `ติดต่อเซิร์ฟเวอร์ที่ ${serverUrl} ไม่ได้`,
      `Could not reach the running server at ${serverUrl}`,
    );
  }
  if (res.status !== 200 || !res.body) {
    await res.body?.cancel();
    throw refusal(res.status, res.headers.get('retry-after'), serverUrl);
  }
  const partial = `${path}.partial`;
  try {
    try {
      await pipeline(
        Readable.fromWeb(res.body as WebReadableStream<Uint8Array>),
        createWriteStream(partial, { mode: 0o600 }),
      );
    } catch {
      throw refused(
        'การรับไฟล์จากเซิร์ฟเวอร์ขาดตอน ไม่ได้เก็บไฟล์ไว้',
        'The transfer from the server was cut short; no file was kept',
      );
    }
    const summary = await checkWhole(partial);
    renameSync(partial, path);
    return summary;
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** Reads a backup file through to its end line; throws BackupRefused unless it is whole. */
export async function checkWhole(file: string): Promise<BackupSummary> {
  const reader = createBackupReader();
  try {
    for await (const line of gzipLines(file)) reader.line(line);
    const { header, totals } = reader.finish();
    return { ...totals, migrations: header.migrations };
  } catch (e) {
    const why =
      e instanceof BackupFileError
        ? { th: `${e.where}: ${e.th}`, en: `${e.where}: ${e.en}` }
        : { th: 'ไม่ใช่ไฟล์ gzip ที่สมบูรณ์', en: 'not a complete gzip file' };
    throw refused(
      `ไฟล์ที่ได้รับจากเซิร์ฟเวอร์ไม่สมบูรณ์ (${why.th}) ไม่ได้เก็บไฟล์ไว้`,
      `The file received from the server is not whole (${why.en}); no file was kept`,
    );
  }
}
