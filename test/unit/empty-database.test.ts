// A first start copies the build's migrated empty database instead of running initdb and every
// migration (ADR 0027): the copy is the database the migrations make, and a folder that already
// holds a database is never overwritten.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import {
  copyBuiltEmptyDatabase,
  copyEmptyDatabase,
  makeEmptyDatabase,
} from '../../src/storage/empty-database.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { migrations } from '../../src/storage/migrations/index.ts';
import { readProvinceNames } from '../../src/storage/reference.repository.ts';

const dir = mkdtempSync(join(tmpdir(), 'itas-empty-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the empty database a first start copies', () => {
  it('holds every migration and the reference lists; a folder with a database keeps it', async () => {
    const empty = join(dir, 'empty');
    await makeEmptyDatabase(empty);
    const initial = vi.fn((d: string) => copyEmptyDatabase(empty, d));
    const dataDir = join(dir, 'data');
    const db = await openDatabase({ kind: 'pglite', dataDir }, { initialDataDir: initial });
    expect(initial).toHaveBeenCalledTimes(1);
    expect((await migrateToLatest(db)).applied).toEqual([]);
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    const provinces = await db.selectFrom('provinces').select('name_th').execute();
    expect(provinces).toHaveLength(readProvinceNames().length);
    await db
      .insertInto('provinces')
      .values({ name_th: 'ทดสอบ', name_en: null, region: null })
      .execute();
    await db.destroy();

    const again = vi.fn((d: string) => copyEmptyDatabase(empty, d));
    const reopened = await openDatabase({ kind: 'pglite', dataDir }, { initialDataDir: again });
    expect(again).not.toHaveBeenCalled();
    const kept = await reopened
      .selectFrom('provinces')
      .select('name_th')
      .where('name_th', '=', 'ทดสอบ')
      .execute();
    expect(kept).toHaveLength(1);
    await reopened.destroy();
  });

  it('is copied only by the compiled server, never when the sources run (tests, tsx)', () => {
    const dataDir = join(dir, 'sources');
    copyBuiltEmptyDatabase(dataDir);
    expect(existsSync(dataDir)).toBe(false);
  });
});
