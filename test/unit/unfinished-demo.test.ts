// A first start stopped while the demo loads (Ctrl-C, a kill, a crash) must not leave a half
// demo that the next start takes for loaded: the marker in the folder makes that start empty it.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadyDatabase } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createServices } from '../../src/services/container.ts';
import { LOCK_FILE } from '../../src/storage/pglite-lock.ts';
import {
  DEMO_LOADING_FILE,
  discardUnfinishedDemo,
  markDemoLoading,
} from '../../src/storage/unfinished-demo.ts';

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
