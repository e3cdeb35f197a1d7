// The database factory: PGlite (embedded) or PostgreSQL behind one Kysely instance, and the
// type parsers that make both engines return the same JavaScript values.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_LIMIT_DEFAULTS, type DatabaseLimits, type DatabaseTarget } from '../config.ts';
import { lockDataDir } from './pglite-lock.ts';
import { copyFrom } from './pg-copy.ts';
import { createPgliteSinglePool } from './pglite-pool.ts';
import { PreparingClient } from './prepared-statements.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// count(*) and numeric come back as strings from pg and as numbers from PGlite; dates must stay
// calendar days (a JS Date would shift them by the server's time zone).
const parsers: Record<number, (v: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
};

/**
 * The embedded engine's start: PGlite's own parameters, with 32 MB of shared buffers instead of
 * PostgreSQL's 128 MB. PGlite zeroes its shared memory at every open, and 128 MB cost about
 * 0.3 s of every `itas` command and server start on the embedded database (0.5 s against 0.8 s
 * to open it). A national year's import, compute and the API under load measured the same with
 * either (docs/performance.md, "4 Dec 2026"): the pages it reads come from the operating
 * system's file cache all the same.
 */
const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

export interface OpenOptions {
  /** A PGlite data-dir dump to start from (tests use a migrated template). */
  loadDataDir?: Blob | File;
  /** Fills a data folder that holds no database yet (no PG_VERSION; under its lock). */
  initialDataDir?: (dataDir: string) => void | Promise<void>;
  /** Runs on the data folder under its lock, before anything else (e.g. unfinished-demo.ts). */
  beforeOpen?: (dataDir: string) => void;
  /** Pool size for PostgreSQL (default: limits.poolSize). */
  poolSize?: number;
  /** PostgreSQL pool size and timeouts (config.databaseLimits); defaults otherwise. */
  limits?: Partial<DatabaseLimits>;
  /**
   * Told of a connection lost outside any query (server restart, failover, idle drop). The pool
   * drops that connection and opens a new one on next use; this is for the log only.
   */
  onConnectionError?: (err: Error) => void;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Db> {
  if (target.kind === 'postgres') {
    const limits = { ...DATABASE_LIMIT_DEFAULTS, ...options.limits };
    const onError = options.onConnectionError ?? (() => undefined);
    const pool = new pg.Pool({
      connectionString: target.url,
      Client: PreparingClient,
      max: options.poolSize ?? limits.poolSize,
      // Waiting for a connection (or opening one) is bounded: a database that is down answers
      // 503 within this time instead of holding requests.
      connectionTimeoutMillis: limits.connectTimeoutMs,
      // Server side: no statement runs, waits for a lock or idles in a transaction forever.
      statement_timeout: limits.statementTimeoutMs,
      lock_timeout: limits.lockTimeoutMs,
      idle_in_transaction_session_timeout: limits.statementTimeoutMs,
      // Client side, for a server that stops answering altogether (frozen, network cut): a
      // statement gets a little longer than the server's own limit, then its connection is
      // dropped (PreparingClient) so the pool opens a fresh one.
      query_timeout: limits.statementTimeoutMs + 2_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          parsers[oid] ??
          (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
      },
    });
    // Without these, a connection lost while idle in the pool, or while checked out, is an
    // unhandled 'error' event that ends the process (57P01 on every PostgreSQL restart).
    pool.on('error', onError);
    pool.on('connect', (client) => {
      client.on('error', onError);
      dropOnReadTimeout(client);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    serverUrls.set(db, target.url);
    const size = options.poolSize ?? limits.poolSize;
    poolReaders.set(db, () => ({
      size,
      open: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }));
    rawSessions.set(db, async () => {
      const client = await pool.connect();
      return {
        query: async (text, params = []) => {
          const r = await client.query(text, params as unknown[]);
          return { rows: r.rows as unknown[], rowCount: r.rowCount ?? 0 };
        },
        copyCsv: async (table, csv) =>
          void (await copyFrom(client, `copy ${table} from stdin with (format csv)`, [csv])),
        release: (broken) => client.release(broken),
      };
    });
    return db;
  }
  let unlock = () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    unlock = lockDataDir(target.dataDir);
  }
  let pglite: PGlite;
  try {
    if (target.dataDir) options.beforeOpen?.(target.dataDir);
    if (target.dataDir && !existsSync(join(target.dataDir, 'PG_VERSION')))
      await options.initialDataDir?.(target.dataDir);
    pglite = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers,
      startParams: EMBEDDED_START_PARAMS,
    });
  } catch (e) {
    unlock();
    throw e;
  }
  const pool = createPgliteSinglePool(pglite, unlock);
  // PostgresDialect only uses connect() and end(); the cast hides the rest of pg.Pool's surface.
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
  });
  poolReaders.set(db, () => {
    const { busy, waiting } = pool.stats();
    return { size: 1, open: 1, idle: busy ? 0 : 1, waiting };
  });
  rawSessions.set(db, async () => {
    // The one connection's turn, held until release: nothing else runs meanwhile.
    const turn = await pool.connect();
    return {
      query: async (text, params = []) => {
        const r = await pglite.query(text, params as unknown[]);
        return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
      },
      copyCsv: async (table, csv) =>
        void (await pglite.query(`copy ${table} from '/dev/blob' with (format csv)`, [], {
          blob: new Blob([csv]),
        })),
      release: () => turn.release(),
    };
  });
  return db;
}

/** How a process's connection pool is used right now (for /metrics). */
export interface PoolUse {
  /** Most connections the pool opens. */
  size: number;
  /** Connections open now (busy and idle). */
  open: number;
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

const poolReaders = new WeakMap<Db, () => PoolUse>();

const serverUrls = new WeakMap<Db, string>();

/** The PostgreSQL server a database opened here is on (session-lock.ts); null on PGlite. */
export function serverUrl(db: Db): string | null {
  return serverUrls.get(db) ?? null;
}

/** The pool's use now; null for a database this module did not open. */
export function poolUse(db: Db): PoolUse | null {
  return poolReaders.get(db)?.() ?? null;
}

/**
 * One connection of the database's pool, outside Kysely, for what Kysely cannot say: COPY.
 * The caller runs its own BEGIN … COMMIT on it and must release it.
 */
export interface RawSession {
  query(text: string, params?: readonly unknown[]): Promise<{ rows: unknown[]; rowCount: number }>;
  /** COPY of CSV text (no header) into a table: FROM STDIN, or FROM '/dev/blob' on PGlite. */
  copyCsv(table: string, csv: string): Promise<void>;
  /** Gives the connection back (`broken`: after an error, PostgreSQL's is closed instead). */
  release(broken?: boolean): void;
}

const rawSessions = new WeakMap<Db, () => Promise<RawSession>>();

/** Whether rawSession can give a session for this database. */
export const hasRawSession = (db: Db): boolean => rawSessions.has(db);

/**
 * A raw session on this database's pool; null for a database this module did not open. On
 * PGlite it holds the one connection until released: use nothing else of `db` meanwhile.
 */
export function rawSession(db: Db): Promise<RawSession> | null {
  return rawSessions.get(db)?.() ?? null;
}

/** Kysely over a raw session's connection: its statements run inside the session's transaction. */
export function sessionDb(s: RawSession): Db {
  const client = {
    async query(text: string, params: readonly unknown[]) {
      const r = await s.query(text, params);
      const command = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? '';
      return { command, rowCount: r.rowCount, rows: r.rows };
    },
    release() {},
  };
  const pool = { connect: async () => client, end: async () => {} };
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
  });
}

type Query = (...args: unknown[]) => unknown;

/**
 * After a client-side read timeout the connection still has the statement in flight, and the
 * pool would hand it out again to wait behind it: destroy its socket instead, so the pool drops
 * it (it is no longer queryable) and the next request opens a fresh connection.
 */
function dropOnReadTimeout(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  (client as unknown as { query: Query }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise)
      result.catch((e: unknown) => {
        if (e instanceof Error && e.message === 'Query read timeout')
          (
            client as unknown as { connection?: { stream?: { destroy(): void } } }
          ).connection?.stream?.destroy();
      });
    return result;
  };
}

/**
 * A liveness query used by /readyz, answered within `timeoutMs` either way: a database that
 * hangs (frozen, or every connection busy) counts as not ready instead of holding the probe.
 */
export async function pingDatabase(db: Db, timeoutMs = 800): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db
    .selectNoFrom((eb) => eb.val(1).as('one'))
    .execute()
    .then(
      () => true,
      () => false,
    );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// SQLSTATEs and socket errors that mean "the database is away or overloaded", not "this request
// is wrong": connection exceptions (08), shutdown and restart (57P01-57P03), too many
// connections (53300), our own statement and lock timeouts (57014, 55P03).
const UNAVAILABLE_CODES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '57014',
  '55P03',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres reports some of these with a message only.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'is not queryable',
  'Cannot use a pool after calling end',
];

/** True when `err` (or its cause) says the database is unreachable, restarting or overloaded. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m)))
      return true;
    // AggregateError (every address of the host refused).
    if (Array.isArray(errors) && errors.some((x) => isDatabaseUnavailable(x))) return true;
    e = cause;
  }
  return false;
}
