// A fresh, migrated database for one test file: a copy of the PGlite template, or a new
// database on the PostgreSQL server that DATABASE_URL names.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { ensureReferenceData } from '../../src/storage/reference.repository.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export interface TestDb {
  db: Db;
  close: () => Promise<void>;
  /** The database's URL on PostgreSQL (for real app processes); absent on PGlite. */
  url?: string;
}

export async function createTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) {
    const name = `itas_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openDatabase({ kind: 'postgres', url: u.toString() }, { poolSize: 8 });
    await migrateToLatest(db);
    await ensureReferenceData(db);
    return {
      db,
      url: u.toString(),
      close: async () => {
        await db.destroy();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const template = readFileSync(inject('pgliteTemplate'));
  const db = await openDatabase(
    { kind: 'pglite', dataDir: null },
    { loadDataDir: new Blob([template]) },
  );
  return { db, close: () => db.destroy() };
}
