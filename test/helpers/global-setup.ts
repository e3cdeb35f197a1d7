// Builds one migrated PGlite data dir per test run, so each test file starts from a copy of it
// instead of paying for initdb and every migration again.
import { PGlite } from '@electric-sql/pglite';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { createPgliteSinglePool } from '../../src/storage/pglite-pool.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { ensureReferenceData } from '../../src/storage/reference.repository.ts';
import type { Database } from '../../src/storage/schema.ts';

export default async function setup({ provide }: { provide: (k: string, v: string) => void }) {
  if (process.env.DATABASE_URL?.startsWith('postgres')) return;
  const dir = mkdtempSync(join(tmpdir(), 'itas-template-'));
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createPgliteSinglePool(pglite) as unknown as pg.Pool }),
  });
  await migrateToLatest(db);
  await ensureReferenceData(db);
  const dump = await pglite.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
