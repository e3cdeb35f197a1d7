// POST /ops/backup: the running server's consistent snapshot, in the `itas backup` file format, for
// `itas backup` beside a server that owns the embedded database (ADR 0015). Exists only with
// BACKUP_TOKEN (404 otherwise), answers only `Authorization: Bearer <BACKUP_TOKEN>` (compared by
// hash in constant time; the token is never logged), one backup at a time and at most one every
// COOLDOWN_MS, and a client that sends wrong tokens is refused for a while.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import type { Context, Env, Hono } from 'hono';
import type { Logger } from 'pino';
import { getConnInfo } from '@hono/node-server/conninfo';
import { SYSTEM_BACKUP_TOKEN } from '../domain/actor.ts';
import { BACKUP_PATH } from '../services/backup-fetch.ts';
import type { Services } from '../services/container.ts';

/** Least time between the starts of two backups: each holds the database for its snapshot. */
const COOLDOWN_MS = 10_000;
/** Wrong tokens one client address may send per window before it is refused outright. */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 60_000;

export interface BackupRouteOptions {
  token: string | null;
  now?: () => number;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function peer(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return ''; // app.request() in tests has no socket
  }
}

/** Mounts the route on `app` before any session, CSRF or access-log middleware. */
export function mountBackupRoute<E extends Env>(
  app: Hono<E>,
  services: Services,
  log: Logger,
  { token, now = Date.now }: BackupRouteOptions,
): void {
  const expected = token ? digest(token) : null;
  const failures = new Map<string, { since: number; n: number }>();
  let busy = false;
  let lastStart = -Infinity;

  const tooMany = (who: string, t: number) => {
    const f = failures.get(who);
    return f !== undefined && t - f.since < FAILURE_WINDOW_MS && f.n >= MAX_FAILURES;
  };
  const failed = (who: string, t: number) => {
    const f = failures.get(who);
    if (!f || t - f.since >= FAILURE_WINDOW_MS) failures.set(who, { since: t, n: 1 });
    else f.n++;
    // Bounded: old windows are forgotten once the map grows.
    if (failures.size > 1000)
      for (const [k, v] of failures) if (t - v.since >= FAILURE_WINDOW_MS) failures.delete(k);
  };
  const plain = (c: Context, text: string, status: 401 | 404 | 429, retryAfterS?: number) => {
    c.header('Cache-Control', 'no-store');
    if (retryAfterS !== undefined) c.header('Retry-After', String(Math.ceil(retryAfterS)));
    return c.text(text, status);
  };

  // POST only: a GET (a browser, a crawler) finds the ordinary 404 page.
  app.post(BACKUP_PATH, async (c) => {
    // Unconfigured: 404, and nothing is read, counted or logged.
    if (!expected) return plain(c, 'not found\n', 404);
    const t = now();
    const who = peer(c);
    if (tooMany(who, t)) return plain(c, 'too many attempts\n', 429, FAILURE_WINDOW_MS / 1000);
    const sent = /^Bearer (\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(sent), expected)) {
      failed(who, t);
      log.warn('backup refused: wrong or missing token');
      c.header('WWW-Authenticate', 'Bearer realm="backup"');
      return plain(c, 'unauthorized\n', 401);
    }
    if (busy) return plain(c, 'a backup is being taken\n', 429, COOLDOWN_MS / 1000);
    if (t - lastStart < COOLDOWN_MS)
      return plain(c, 'a backup was just taken\n', 429, (COOLDOWN_MS - (t - lastStart)) / 1000);
    busy = true;
    lastStart = t;
    let release = () => {
      busy = false;
    };
    try {
      const download = await services.backup.backupForDownload(SYSTEM_BACKUP_TOKEN);
      const file = createReadStream(download.path);
      try {
        await once(file, 'open');
      } finally {
        // Open: the name can go now (the bytes stay readable), so nothing is left behind even
        // if the process dies while sending.
        download.dispose();
      }
      const done = release;
      release = () => {};
      file.once('close', done);
      const { rows, tables } = download.summary;
      log.info({ rows, tables, bytes: download.bytes, ms: now() - t }, 'backup served');
      return c.body(Readable.toWeb(file) as unknown as ReadableStream, 200, {
        'Content-Type': 'application/gzip',
        'Content-Length': String(download.bytes),
        'Content-Disposition': 'attachment; filename="open-itas.itas.gz"',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    } finally {
      release();
    }
  });
}
