// A migrated, empty embedded database, made once by the build (scripts/build.js) and restored on
// a data folder that holds no database yet. Creating one otherwise runs PGlite's initdb (which
// starts a second engine and copies its folder over) and every migration: most of a first start.
// Migrations still run after the restore, so a snapshot older than the code only saves less.
// Only the compiled server restores it: dist/ is built from the same sources in the same build,
// whereas the sources (tests, tsx) may hold a migration edited since the last build.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrateToLatest } from './migrate.ts';
import { createPgliteSinglePool } from './pglite-pool.ts';
import { ensureReferenceData } from './reference.repository.ts';
import type { Database } from './schema.ts';

// Defined as true by scripts/build.js (esbuild `define`); undeclared when the sources run.
declare const ITAS_COMPILED: boolean | undefined;

/** Where the build writes the snapshot (dist/, beside the compiled server). */
export const EMPTY_DATABASE_FILE = fileURLToPath(
  new URL('../../dist/empty-database.tar.gz', import.meta.url),
);

/** An in-memory database migrated to the latest version, with the reference lists, dumped. */
export async function makeEmptyDatabase(compression: 'none' | 'gzip'): Promise<Blob> {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createPgliteSinglePool(pglite) as unknown as pg.Pool }),
  });
  try {
    await migrateToLatest(db);
    await ensureReferenceData(db);
    return await pglite.dumpDataDir(compression);
  } finally {
    await db.destroy();
  }
}

/** The build's snapshot when this is the compiled server and the build made one. */
export function builtEmptyDatabase(): Blob | undefined {
  if (typeof ITAS_COMPILED === 'undefined' || !ITAS_COMPILED) return undefined;
  try {
    return new Blob([readFileSync(EMPTY_DATABASE_FILE)]);
  } catch {
    return undefined;
  }
}
