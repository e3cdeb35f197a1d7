// A first start copies the build's migrated empty database instead of running initdb and every
// migration (ADR 0027): the copy is the database the migrations make, and a folder that already
// holds a database is never overwritten.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import {
  copyBuiltDatabase,
  copyEmptyDatabase,
  makeEmptyDatabase,
} from '../../src/storage/empty-database.ts';
import {
  prefetchDatabase,
  takePrefetchedDatabase,
} from '../../src/storage/empty-database-prefetch.ts';
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
    // Opened with 32 MB of shared buffers, not 128 MB: PGlite zeroes them at every open (about
    // 0.3 s of each start and each command; storage/database.ts).
    const buffers = await sql<{ s: string }>`select current_setting('shared_buffers') as s`.execute(
      reopened,
    );
    expect(buffers.rows[0]?.s).toBe('32MB');
    // One database, without the templates only CREATE DATABASE uses: half the files a first
    // start must create (ADR 0035). What it holds still vacuums, and the copy keeps its rows.
    const databases = await sql<{ d: string }>`select datname as d from pg_database`.execute(
      reopened,
    );
    expect(databases.rows.map((r) => r.d)).toEqual(['postgres']);
    expect(readdirSync(join(dataDir, 'base'))).toHaveLength(1);
    await sql`vacuum analyze`.execute(reopened);
    await reopened.destroy();
  });

  it('is copied only by the compiled server, never when the sources run (tests, tsx)', async () => {
    const dataDir = join(dir, 'sources');
    expect(await copyBuiltDatabase(dataDir)).toBeUndefined();
    expect(await copyBuiltDatabase(dataDir, true)).toBeUndefined();
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a copy begun before the server loads is moved into place under the lock (bin/start.js)', async () => {
    const empty = join(dir, 'empty');
    if (!existsSync(join(empty, 'PG_VERSION'))) await makeEmptyDatabase(empty);
    const dataDir = join(dir, 'prefetched');
    const done = prefetchDatabase(empty, dataDir);
    expect(await done).toBe(true);
    // Copied into its own folder inside the data folder, not the database's place: nothing for
    // another process to open before this one holds the lock.
    expect(readdirSync(dataDir)).toEqual([`.open-itas-empty-${process.pid}`]);
    const slow = vi.fn((d: string) => copyEmptyDatabase(empty, d));
    const initial = vi.fn(async (d: string) => {
      if (!(await takePrefetchedDatabase(d, empty))) slow(d);
    });
    const db = await openDatabase({ kind: 'pglite', dataDir }, { initialDataDir: initial });
    expect(initial).toHaveBeenCalledTimes(1);
    expect(slow).not.toHaveBeenCalled();
    expect((await migrateToLatest(db)).applied).toEqual([]);
    const provinces = await db.selectFrom('provinces').select('name_th').execute();
    expect(provinces).toHaveLength(readProvinceNames().length);
    await db.destroy();
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.open-itas-empty-'))).toEqual([]);

    // A folder that holds a database is left alone: no copy begins.
    expect(prefetchDatabase(empty, dataDir)).toBeUndefined();
  });

  it('a copy gone wrong, or left by a process that died, costs nothing but the slow copy', async () => {
    const empty = join(dir, 'empty');
    if (!existsSync(join(empty, 'PG_VERSION'))) await makeEmptyDatabase(empty);
    const dataDir = join(dir, 'gone-wrong');
    expect(await prefetchDatabase(empty, dataDir)).toBe(true);
    // Its copy lost a file meanwhile (a disk emptied by hand, a failed write): the move refuses,
    // the staging folder goes, and the database is copied the slow way.
    rmSync(join(dataDir, `.open-itas-empty-${process.pid}`, 'PG_VERSION'));
    const slow = vi.fn((d: string) => copyEmptyDatabase(empty, d));
    const db = await openDatabase(
      { kind: 'pglite', dataDir },
      {
        initialDataDir: async (d) => {
          if (!(await takePrefetchedDatabase(d, empty))) slow(d);
        },
      },
    );
    expect(slow).toHaveBeenCalledTimes(1);
    expect((await migrateToLatest(db)).applied).toEqual([]);
    await db.destroy();
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.open-itas-empty-'))).toEqual([]);

    // A process that died while copying left its staging folder in a folder that now holds a
    // database: the next start removes it, and copies nothing.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const left = join(dataDir, `.open-itas-empty-${dead}`);
    mkdirSync(join(left, 'base'), { recursive: true });
    writeFileSync(join(left, 'base', 'half-copied'), 'x');
    expect(await prefetchDatabase(empty, dataDir)).toBe(true);
    expect(existsSync(left)).toBe(false);
    expect(await takePrefetchedDatabase(dataDir, empty)).toBe(false);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  });

  it('a copy of another database than the start takes (DEMO read otherwise) is dropped, not used', async () => {
    const empty = join(dir, 'empty');
    if (!existsSync(join(empty, 'PG_VERSION'))) await makeEmptyDatabase(empty);
    const dataDir = join(dir, 'other');
    expect(await prefetchDatabase(empty, dataDir)).toBe(true);
    expect(await takePrefetchedDatabase(dataDir, join(dir, 'demo-database'))).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.open-itas-empty-'))).toEqual([]);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
  });
});
