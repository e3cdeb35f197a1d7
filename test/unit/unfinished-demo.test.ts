// A first start stopped while the demo loads (Ctrl-C, a kill, a crash) must not leave a half
// demo that the next start takes for loaded: the marker in the folder makes that start empty it;
// the row in the database (PostgreSQL) makes it stop and say so, deleting nothing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadyDatabase } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { printUnfinishedDemo } from '../../src/demo/load-demo.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createServices } from '../../src/services/container.ts';
import { LOCK_FILE } from '../../src/storage/pglite-lock.ts';
import {
  DEMO_LOADING_FILE,
  discardUnfinishedDemo,
  markDemoLoading,
} from '../../src/storage/unfinished-demo.ts';
import { freePort } from '../helpers/app-process.ts';
import { runCommand } from '../helpers/cli.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const quiet = pino({ level: 'silent' });
const dirs: string[] = [];
const folder = () => {
  const d = mkdtempSync(join(tmpdir(), 'itas-unfinished-demo-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const AGENCIES =
  'code,name_th,name_en,type,province\n51-PRV,จังหวัดลำพูน,Lamphun Province,province,ลำพูน\n';

describe('a demo left loading', () => {
  it('the next start finds an empty database, not the half demo', async () => {
    const dir = folder();
    const config = { ...loadConfig({ DATABASE_URL: `file:${dir}` }), migrateOnStart: true };
    let db = await openReadyDatabase(config, quiet, { onUnfinishedDemo: () => {} });
    let services = createServices(db);
    // The demo began (its agencies are in) and the process stopped before its end.
    const loaded = markDemoLoading(config.database);
    await services.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', AGENCIES);
    await db.destroy();
    expect(existsSync(join(dir, DEMO_LOADING_FILE))).toBe(true);

    let told = 0;
    db = await openReadyDatabase(config, quiet, { onUnfinishedDemo: () => told++ });
    services = createServices(db);
    expect(told).toBe(1);
    expect(await services.agencies.count()).toBe(0);
    expect(existsSync(join(dir, DEMO_LOADING_FILE))).toBe(false);
    // Loaded in full this time: the marker goes, and a later start keeps the data.
    const again = markDemoLoading(config.database);
    await services.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', AGENCIES);
    again();
    loaded(); // the first start's, long gone: harmless
    await db.destroy();
    db = await openReadyDatabase(config, quiet, { onUnfinishedDemo: () => told++ });
    expect(await createServices(db).agencies.count()).toBe(1);
    expect(told).toBe(1);
    await db.destroy();
  });

  it('only the server’s start discards: other openings (the CLI) leave the folder as it is', async () => {
    const dir = folder();
    const config = { ...loadConfig({ DATABASE_URL: `file:${dir}` }), migrateOnStart: true };
    let db = await openReadyDatabase(config, quiet);
    markDemoLoading(config.database);
    await createServices(db).agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', AGENCIES);
    await db.destroy();
    db = await openReadyDatabase(config, quiet);
    expect(await createServices(db).agencies.count()).toBe(1);
    await db.destroy();
  });

  it('keeps the lock file and removes the marker last; without a marker nothing is touched', () => {
    const dir = folder();
    writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    writeFileSync(join(dir, LOCK_FILE), '{}');
    expect(discardUnfinishedDemo(dir)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([LOCK_FILE, 'PG_VERSION'].sort());
    writeFileSync(join(dir, DEMO_LOADING_FILE), '');
    expect(discardUnfinishedDemo(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('PostgreSQL has no folder of ours: nothing is marked', () => {
    expect(() => markDemoLoading({ kind: 'postgres', url: 'postgres://x/y' })()).not.toThrow();
  });
});

describe('a demo left loading, marked in the database', () => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const at = new Date('2026-12-03T09:30:00Z');
  const servicesOf = (db: TestDb['db']) => createServices(db, { clock: () => at });
  /** A load stopped after its first step, as a kill would leave it (the row stays). */
  const stoppedHalfWay = (s: ReturnType<typeof servicesOf>) => async () => {
    await s.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', AGENCIES);
    throw new Error('stopped');
  };

  it('is reported at the next start, with nothing loaded and nothing deleted', async () => {
    t = await createTestDb();
    const s = servicesOf(t.db);
    await expect(s.demoLoading.loadIfEmpty(stoppedHalfWay(s))).rejects.toThrow('stopped');
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await s.demoLoading.loadIfEmpty(load)).toEqual({ kind: 'unfinished', since: at });
    // DEMO=off too: the half demo (its known logins among it) is not served either.
    expect(await s.demoLoading.loadIfEmpty(null)).toEqual({ kind: 'unfinished', since: at });
    expect(loads).toBe(0);
    // `itas demo` says the same and loads nothing.
    const cli = await runCommand(s, 'demo');
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('ข้อมูลตัวอย่างในฐานข้อมูลนี้โหลดไม่เสร็จ');
    expect(cli.out).toBe('');
    expect(await s.agencies.count()).toBe(1);
  });

  it('embedded: the folder’s file spans the row, so the next start empties the folder and loads', async () => {
    const dir = folder();
    const config = { ...loadConfig({ DATABASE_URL: `file:${dir}` }), migrateOnStart: true };
    let db = await openReadyDatabase(config, quiet, { onUnfinishedDemo: () => {} });
    let s = servicesOf(db);
    const markFolder = () => markDemoLoading(config.database);
    await expect(s.demoLoading.loadIfEmpty(stoppedHalfWay(s), markFolder)).rejects.toThrow();
    await db.destroy();
    let told = 0;
    db = await openReadyDatabase(config, quiet, { onUnfinishedDemo: () => told++ });
    s = servicesOf(db);
    expect(told).toBe(1);
    const load = () => s.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', AGENCIES);
    expect(await s.demoLoading.loadIfEmpty(load, markFolder)).toMatchObject({ kind: 'loaded' });
    expect(existsSync(join(dir, DEMO_LOADING_FILE))).toBe(false);
    expect(await s.agencies.count()).toBe(1);
    await db.destroy();
  });

  it('goes once the demo has loaded; a loaded database is left as it is', async () => {
    t = await createTestDb();
    const s = servicesOf(t.db);
    expect(await s.demoLoading.loadIfEmpty(null)).toEqual({ kind: 'off' });
    const load = async () => {
      await s.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', AGENCIES);
      return 'report';
    };
    expect(await s.demoLoading.loadIfEmpty(load)).toEqual({ kind: 'loaded', value: 'report' });
    expect(await t.db.selectFrom('demo_loading').selectAll().execute()).toEqual([]);
    expect(await s.demoLoading.loadIfEmpty(load)).toEqual({ kind: 'present' });
    expect(await s.agencies.count()).toBe(1);
  });

  it('tells the operator what happened and what to do, in Thai then English', () => {
    let out = '';
    printUnfinishedDemo(
      at,
      { kind: 'postgres', url: 'postgres://itas:secret@db:5432/itas_demo' },
      (x) => {
        out += x;
      },
    );
    expect(out).toContain('ข้อมูลตัวอย่างในฐานข้อมูลนี้โหลดไม่เสร็จ');
    expect(out).toContain('dropdb itas_demo แล้ว createdb itas_demo');
    expect(out).toContain('The demo in this database did not finish loading');
    expect(out).toContain('dropdb itas_demo, then createdb itas_demo');
    expect(out.indexOf('ข้อมูลตัวอย่าง')).toBeLessThan(out.indexOf('The demo'));
    expect(out).not.toContain('secret');
  });

  const onPostgres = it.runIf(process.env.DATABASE_URL?.startsWith('postgres'));

  onPostgres(
    'PostgreSQL: a second start waits for the first one’s load instead of calling it unfinished',
    async () => {
      t = await createTestDb();
      // (PGlite has one owner, its folder's lock: no second start to wait for.)
      const first = servicesOf(t.db);
      const second = servicesOf(t.db);
      let finish!: () => void;
      const held = new Promise<void>((r) => (finish = r));
      const loading = first.demoLoading.loadIfEmpty(async () => {
        await first.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', AGENCIES);
        await held;
        return 'first';
      });
      // The first holds the lock once its row is in.
      while (!(await t.db.selectFrom('demo_loading').selectAll().execute()).length)
        await new Promise((r) => setTimeout(r, 20));
      let secondDone = false;
      const waiting = second.demoLoading
        .loadIfEmpty(() => Promise.resolve('second'))
        .finally(() => (secondDone = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(secondDone).toBe(false);
      finish();
      expect(await loading).toEqual({ kind: 'loaded', value: 'first' });
      expect(await waiting).toEqual({ kind: 'present' });
    },
  );

  onPostgres(
    'PostgreSQL: npm start stopped while the demo loads; the next start stops, exit 3',
    async () => {
      t = await createTestDb();
      // (The embedded folder's own case is the first test of this file.)
      if (!t.url) throw new Error('PostgreSQL only');
      const env = {
        ...process.env,
        DATABASE_URL: t.url,
        DEMO: 'auto',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
      };
      const start = async () => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          env: { ...env, PORT: String(await freePort()) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        return { child, exited, output: () => out };
      };
      const first = await start();
      // Ctrl-C once the demo has begun (its row is in), before it ends.
      for (let i = 0; !(await t.db.selectFrom('demo_loading').selectAll().execute()).length; i++) {
        if (i > 600) throw new Error(`the demo never began: ${first.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      first.child.kill('SIGINT');
      await first.exited;
      const agencies = await t.db.selectFrom('agencies').select('code').execute();
      const second = await start();
      expect(await second.exited, second.output()).toBe(3);
      const name = new URL(t.url).pathname.slice(1);
      expect(second.output()).toContain('ข้อมูลตัวอย่างในฐานข้อมูลนี้โหลดไม่เสร็จ');
      expect(second.output()).toContain(`dropdb ${name}`);
      expect(second.output()).toContain('The demo in this database did not finish loading');
      expect(second.output()).not.toContain('the demo data is already loaded');
      // Nothing deleted: the half demo is there for the operator to look at or drop.
      expect(await t.db.selectFrom('agencies').select('code').execute()).toEqual(agencies);
    },
    120_000,
  );
});
