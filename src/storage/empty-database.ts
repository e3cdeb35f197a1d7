// A migrated, empty embedded database, made once by the build (scripts/build.js) and copied into
// a data folder that holds no database yet. Creating one otherwise runs PGlite's initdb (which
// starts a second engine and copies its folder over) and every migration: most of a first start.
// A plain folder copied by Node costs less than restoring a dump through PGlite's own file system.
// Migrations still run after the copy, so a snapshot older than the code only saves less.
// Only the compiled server copies it: dist/ is built from the same sources in the same build,
// whereas the sources (tests, tsx) may hold a migration edited since the last build.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_DATABASE_DIR,
  builtDatabaseFor,
  takePrefetchedDatabase,
} from './empty-database-prefetch.ts';
import { markDemoLoading } from './unfinished-demo.ts';
import { migrateToLatest } from './migrate.ts';
import { createPgliteSinglePool } from './pglite-pool.ts';
import { ensureReferenceData } from './reference.repository.ts';
import type { Database } from './schema.ts';

// Defined as true by scripts/build.js (esbuild `define`); undeclared when the sources run.
declare const ITAS_COMPILED: boolean | undefined;

/**
 * A database migrated to the latest version, with the reference lists: in `dataDir`, closed
 * cleanly; in memory without one, returned as an uncompressed dump (the tests' template).
 */
export async function makeEmptyDatabase(dataDir: string | null): Promise<Blob | undefined> {
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createPgliteSinglePool(pglite) as unknown as pg.Pool }),
  });
  try {
    await migrateToLatest(db);
    await ensureReferenceData(db);
    await dropTemplateDatabases(pglite);
    return dataDir ? undefined : await pglite.dumpDataDir('none');
  } finally {
    await db.destroy();
  }
}

/**
 * Drops template0 and template1: an embedded database is the one database `postgres`, and
 * templates serve only CREATE DATABASE. They are 600 of the folder's 1,200 files, and a first
 * start creates every file it copies, about 1 ms of the kernel's time each on the project's
 * machines (ADR 0035).
 */
async function dropTemplateDatabases(pglite: PGlite): Promise<void> {
  for (const name of ['template0', 'template1']) {
    await pglite.exec(`alter database ${name} is_template false`);
    await pglite.exec(`drop database ${name}`);
  }
}

/**
 * Copies an empty database's folder into a new data folder; PG_VERSION, which tells PGlite a
 * database is there, last, so an interrupted copy is never taken for a database.
 */
export function copyEmptyDatabase(from: string, dataDir: string): void {
  const version = join(from, 'PG_VERSION');
  cpSync(from, dataDir, { recursive: true, filter: (src) => src !== version });
  cpSync(version, join(dataDir, 'PG_VERSION'));
}

/**
 * In the compiled server, when the build made one: the empty database into `dataDir`, moved
 * there from the copy bin/start.js began (empty-database-prefetch.ts), else copied now. With
 * `demo`, the build's demo database instead when it made one (ADR 0033): the folder is then
 * marked as taking the demo before anything lands in it (unfinished-demo.ts), and stays so until
 * the server has run the demo's dated part. Says which one it copied.
 */
export async function copyBuiltDatabase(
  dataDir: string,
  demo = false,
): Promise<'demo' | 'empty' | undefined> {
  if (typeof ITAS_COMPILED === 'undefined' || !ITAS_COMPILED) return undefined;
  const from = builtDatabaseFor(demo);
  if (!existsSync(join(from, 'PG_VERSION'))) return undefined;
  const kind = from === DEMO_DATABASE_DIR ? 'demo' : 'empty';
  if (kind === 'demo') markDemoLoading({ kind: 'pglite', dataDir });
  if (!(await takePrefetchedDatabase(dataDir, from))) copyEmptyDatabase(from, dataDir);
  return kind;
}
