// A database behind this version (never migrated, or an upgrade installed without its
// `itas migrate`: docs/operations.md) on a process that does not migrate itself, as production
// PostgreSQL runs: every command and the server refuse it with one Thai and English message that
// names what is missing and what to do, instead of failing later on a table that is not there;
// `itas backup` still opens it, and once migrated all works. Nothing is left open behind a refusal
// (a CLI command used to wait out its pool's idle connections, about 10 s, before exiting).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadyDatabase } from '../../src/bootstrap.ts';
import { runCli } from '../../src/cli/run.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { freePort } from '../helpers/app-process.ts';
import { DatabaseBehind } from '../../src/storage/migrate.ts';
import { migrations } from '../../src/storage/migrations/index.ts';

const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') === true;
const names = Object.keys(migrations).sort();
const dir = mkdtempSync(join(tmpdir(), 'itas-behind-'));
const dropped: string[] = [];

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!dropped.length) return;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  for (const name of dropped) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

/** A new, empty database of the suite's engine: its DATABASE_URL. */
async function emptyDatabase(): Promise<{ url: string; name: string }> {
  const name = `itas_behind_${randomBytes(5).toString('hex')}`;
  if (!onPostgres) return { url: `file:${join(dir, name)}`, name };
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  dropped.push(name);
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  return { url: u.toString(), name };
}

/** `itas …` in this process with production's settings: no migration at start. */
async function itas(url: string, ...argv: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: url, MIGRATE_ON_START: 'off', LOG_LEVEL: 'silent' });
  let out = '';
  let err = '';
  try {
    const code = await runCli(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
    return { code, out, err };
  } finally {
    process.env = saved;
  }
}

const behindMessage = (count: number, first: string) => [
  `ยังขาดการปรับโครงสร้าง (migration) ${count} รายการ ตั้งแต่ ${first}`,
  `${count} migration(s) are missing, from ${first}`,
  'itas migrate',
];

describe('a database behind this version', () => {
  it('never migrated: a command is refused, says what to run, and leaves nothing open', async () => {
    const { url, name } = await emptyDatabase();
    const r = await itas(url, 'agencies', 'list');
    expect(r.code).toBe(1);
    for (const text of behindMessage(names.length, names[0]!)) expect(r.err).toContain(text);
    expect(r.err.indexOf('ยังขาด')).toBeLessThan(r.err.indexOf('missing'));
    expect(r.out).toBe('');
    if (onPostgres) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      const { rows } = await admin.query(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      await admin.end();
      expect(rows[0].n).toBe(0);
    }
  });

  it('one migration short (a new version not yet migrated): refused; backup works; migrate mends it', async () => {
    const { url } = await emptyDatabase();
    expect((await itas(url, 'migrate')).code).toBe(0);
    // The newest migration taken back, as if this version were installed on the one before.
    const db = await openDatabase(loadConfig({ DATABASE_URL: url }).database);
    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await db.destroy();

    const last = names.at(-1)!;
    const refused = await itas(url, 'calendar', 'show', '--year', '2563');
    expect(refused.code).toBe(1);
    for (const text of behindMessage(1, last)) expect(refused.err).toContain(text);
    // What the message says to do first works on it.
    const file = join(dir, `${randomBytes(4).toString('hex')}.itas.gz`);
    const backup = await itas(url, 'backup', '--out', file);
    expect(backup.code, backup.err).toBe(0);
    expect(existsSync(file)).toBe(true);
    const migrated = await itas(url, 'migrate');
    expect(migrated.out).toContain(`Applied 1 migration(s):\n  ${last}`);
    const shown = await itas(url, 'agencies', 'list');
    expect(shown.code, shown.err).toBe(0);
  });

  it('openReadyDatabase throws DatabaseBehind with the missing names, oldest first', async () => {
    const { url } = await emptyDatabase();
    const config = { ...loadConfig({ DATABASE_URL: url }), migrateOnStart: false };
    const quiet = pino({ level: 'silent' });
    const e = await openReadyDatabase(config, quiet).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DatabaseBehind);
    expect((e as DatabaseBehind).pending).toEqual(names);
    // Migrating is the other way in: then it opens.
    const db = await openReadyDatabase(config, quiet, { migrate: true });
    await db.destroy();
    const again = await openReadyDatabase(config, quiet);
    await again.destroy();
  });

  it('a database ahead of this version (a rollback to the one before) opens, migrating or not', async () => {
    const { url } = await emptyDatabase();
    const config = { ...loadConfig({ DATABASE_URL: url }), migrateOnStart: true };
    const quiet = pino({ level: 'silent' });
    let db = await openReadyDatabase(config, quiet);
    await sql`insert into kysely_migration (name, timestamp)
      values ('2999-01-01-00-from-a-later-version', ${new Date().toISOString()})`.execute(db);
    await db.destroy();
    // What it does not know it leaves alone (docs/operations.md, Rollback).
    db = await openReadyDatabase(config, quiet);
    await db.destroy();
    db = await openReadyDatabase({ ...config, migrateOnStart: false }, quiet);
    await db.destroy();
  });

  it('the server refuses to start on it (exit 3) with the same message', async () => {
    const { url } = await emptyDatabase();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        MIGRATE_ON_START: 'off',
        DEMO: 'auto',
        PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, output).toBe(3);
    expect(output).toContain('Open ITAS cannot start.');
    for (const text of behindMessage(names.length, names[0]!)) expect(output).toContain(text);
    expect(output).not.toMatch(/\n\s+at /);
  }, 120_000);
});
