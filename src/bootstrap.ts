// Opens the database for a process: migrates it when configured to, loads reference lists.
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { errorForLog, scrubMessage } from './domain/log-safety.ts';
import { discardUnfinishedDemo } from './storage/unfinished-demo.ts';
import { openDatabase, type Db } from './storage/database.ts';
import { copyBuiltDatabase } from './storage/empty-database.ts';
import { DatabaseBehind, migrateToLatest, pendingMigrations } from './storage/migrate.ts';
import { ensureReferenceData } from './storage/reference.repository.ts';

export function createLogger(
  config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat' | 'nodeEnv'>>,
): Logger {
  // Every `err` logged goes through errorForLog: no query parameters, no values (ADR 0007).
  const options = {
    level: config.logLevel,
    base: { app: 'open-itas' },
    serializers: { err: errorForLog },
  };
  const pretty =
    config.logFormat === 'pretty' ||
    (config.logFormat === 'auto' && config.nodeEnv !== 'production' && process.stdout.isTTY);
  if (!pretty) return pino(options);
  // The same records, one readable line each, for a newcomer's terminal (no extra dependency).
  return pino(options, { write: (line: string) => process.stdout.write(prettyLogLine(line)) });
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
const QUIET = new Set(['level', 'time', 'app', 'msg', 'pid', 'hostname']);

/** One pino JSON record as `HH:MM:SS LEVEL message key=value …` (a request: method path status ms). */
export function prettyLogLine(json: string): string {
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(Number(r.time)).toLocaleTimeString('en-GB', {
    timeZone: 'Asia/Bangkok',
    hour12: false,
  });
  const level = LEVELS[Number(r.level)] ?? String(r.level);
  if (r.msg === 'request' && typeof r.method === 'string')
    return `${time} ${level} ${r.method} ${String(r.path)} ${String(r.status)} ${String(r.ms)} ms\n`;
  const rest = Object.entries(r)
    .filter(([k]) => !QUIET.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${time} ${level} ${typeof r.msg === 'string' ? r.msg : ''}${rest ? ` ${rest}` : ''}\n`;
}

export async function openReadyDatabase(
  config: Config,
  log: Logger,
  opts: {
    migrate?: boolean;
    /** Opens a database behind this version without migrating it (`itas backup`). */
    allowBehind?: boolean;
    onApplied?: (names: string[]) => void;
    /** The server's start: a demo left loading is discarded (unfinished-demo.ts). */
    onUnfinishedDemo?: () => void;
    /**
     * The server's start with the demo: a new embedded database is the build's demo database,
     * its dated part still to load (ADR 0033); told when that is what it copied.
     */
    onBuiltDemo?: () => void;
  } = {},
): Promise<Db> {
  const onUnfinishedDemo = opts.onUnfinishedDemo;
  const db = await openDatabase(config.database, {
    limits: config.databaseLimits,
    ...(onUnfinishedDemo && {
      beforeOpen: (dir: string) => {
        if (discardUnfinishedDemo(dir)) onUnfinishedDemo();
      },
    }),
    // A new embedded database starts as a copy of the build's migrated one, not initdb (ADR 0027);
    // for a server's start with the demo, the one holding the demo's undated part (ADR 0033).
    initialDataDir: async (dir: string) => {
      if ((await copyBuiltDatabase(dir, !!opts.onBuiltDemo)) === 'demo') opts.onBuiltDemo?.();
    },
    // A lost idle connection is replaced on next use; worth a line in the log, not a crash.
    onConnectionError: (err) =>
      log.warn({ reason: scrubMessage(err.message) }, 'database connection lost'),
  });
  try {
    // Production PostgreSQL is migrated by `itas migrate` (see MIGRATE_ON_START in config.ts);
    // a process that does not migrate refuses a database behind this version. Nothing pending,
    // nothing to run: the migrator itself (its tables, its lock, an introspection of every
    // table) cost a quarter of a second of every embedded start.
    const pending = await pendingMigrations(db);
    if (pending.length && (opts.migrate ?? config.migrateOnStart)) {
      const { applied } = await migrateToLatest(db);
      if (applied.length) log.info({ applied }, 'migrations applied');
      opts.onApplied?.(applied);
    } else if (pending.length && !opts.allowBehind) {
      throw new DatabaseBehind(pending);
    }
    await ensureReferenceData(db);
  } catch (e) {
    // Closed here, not left to the caller: an open pool would keep the process alive (a CLI
    // command that failed on an unmigrated database used to wait out its idle connections).
    await db.destroy().catch(() => {});
    throw e;
  }
  return db;
}
