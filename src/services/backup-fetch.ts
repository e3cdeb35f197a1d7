// `itas backup` beside a running server on the embedded database: the server owns the folder, so
// the snapshot is asked of the server (POST /ops/backup with BACKUP_TOKEN) and written as
// FILE.partial; FILE appears only once the transfer has ended and the file reads as a whole backup
// (gzip intact, every table's count and the totals right). Anything less leaves no FILE.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { BackupFileError, createBackupReader } from '../domain/backup-format.ts';
import { bare, problem } from '../domain/problem.ts';
import { BackupRefused, gzipLines, type BackupSummary } from './backup.service.ts';

export const BACKUP_PATH = '/ops/backup';

export interface FetchBackupOptions {
  /** The running server's own address (from the database folder's lock file). */
  serverUrl: string;
  token: string;
  path: string;
  fetchImpl?: typeof fetch;
}

const refused = (p: ConstructorParameters<typeof BackupRefused>[0]) => new BackupRefused(p);

/** Why the server said no, without repeating anything it sent back. */
function refusal(status: number, retryAfter: string | null, url: string): BackupRefused {
  if (status === 401) return refused(problem('', 'backup_server_token_refused', { url }));
  if (status === 404) return refused(problem('', 'backup_server_not_serving', { url }));
  if (status === 429)
    return refused(problem('', 'backup_server_busy', { seconds: retryAfter ?? '10' }));
  return refused(problem('', 'backup_server_failed', { url, status }));
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
    throw refused(problem('', 'backup_server_unreachable', { url: serverUrl }));
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
      throw refused(bare('', 'backup_transfer_cut'));
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
    throw refused(
      problem(
        '',
        'backup_received_broken',
        e instanceof BackupFileError
          ? { line: e.line, problem: e.problem }
          : { problem: bare('', 'backup_not_gzip') },
      ),
    );
  }
}
