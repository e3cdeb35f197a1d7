// The database factory: PGlite (embedded) or PostgreSQL behind one Kysely instance, and the
// type parsers that make both engines return the same JavaScript values.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import type { DatabaseTarget } from '../config.ts';
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

export interface OpenOptions {
  /** A PGlite data-dir dump to start from (tests use a migrated template). */
  loadDataDir?: Blob | File;
  /** Pool size for PostgreSQL (default: DATABASE_POOL_SIZE, else 10). */
  poolSize?: number;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Db> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      Client: PreparingClient,
      max: options.poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          parsers[oid] ??
          (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
      },
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers,
  });
  const pool = createPgliteSinglePool(pglite);
  // PostgresDialect only uses connect() and end(); the cast hides the rest of pg.Pool's surface.
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
  });
}

/** A quick liveness query used by /readyz. */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return true;
  } catch {
    return false;
  }
}
