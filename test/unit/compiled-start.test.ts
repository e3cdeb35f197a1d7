// `npm start` runs bin/start.js: the compiled server in dist/, after dist/prestart.js has begun a
// first start's copy of the empty database (or, with the demo, of the build's demo database) in a
// worker thread (ADR 0027, 0033). The rest of the suite
// runs the sources; this is the one test of the path a new user takes, so a prestart that failed
// to load, or a copy left half moved, shows here.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createServices } from '../../src/services/container.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { DEMO_LOADING_FILE } from '../../src/storage/unfinished-demo.ts';
import { freePort, startAppProcess } from '../helpers/app-process.ts';
import { createTestDb } from '../helpers/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'itas-compiled-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  // As bin/start.js would: compiled once if the sources are newer than dist/ (a fresh clone
  // has it from `npm install`).
  // @ts-expect-error -- plain JavaScript module without types
  const build = (await import('../../scripts/build.js')) as { ensureBuilt: () => Promise<void> };
  await build.ensureBuilt();
}, 180_000);

const staging = (dataDir: string) =>
  readdirSync(dataDir).filter((n) => n.startsWith('.open-itas-'));

describe('npm start (bin/start.js, the compiled server)', () => {
  it('starts on an empty folder from the copied empty database, and tidies what a dead start left', async () => {
    const dataDir = join(dir, 'data');
    const env = { DATABASE_URL: `file:${dataDir}`, DEMO: 'off' };
    const first = await startAppProcess(env, { compiled: true });
    try {
      const ready = await fetch(`${first.url}/readyz`);
      expect(ready.status).toBe(200);
      const home = await fetch(`${first.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('lang="th"');
    } finally {
      await first.stop();
    }
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(staging(dataDir)).toEqual([]);
    expect(first.output()).not.toMatch(/Error|compiling/);

    // A start that died while copying (its pid no longer alive) left its staging folder.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(dataDir, `.open-itas-empty-${dead}`, 'base'), { recursive: true });
    writeFileSync(join(dataDir, `.open-itas-empty-${dead}`, 'base', 'half'), 'x');
    const second = await startAppProcess(env, { compiled: true });
    await second.stop();
    expect(staging(dataDir)).toEqual([]);
  }, 180_000);

  // ADR 0033: the build made the demo's undated part once; a first start with the demo copies it
  // and loads only the dated part. What a user gets must be the demo a whole load makes.
  it('a first start with the demo copies the build’s demo database and loads its dated part: the same demo', async () => {
    const dataDir = join(dir, 'demo');
    const started = new Date();
    const app = await startAppProcess(
      { DATABASE_URL: `file:${dataDir}`, DEMO: 'auto' },
      { compiled: true },
    );
    try {
      const results = await fetch(`${app.url}/results/2563/rankings?format=json`);
      expect(results.status).toBe(200);
    } finally {
      await app.stop();
    }
    // Read once the process has ended: all it printed has arrived.
    expect(app.output()).toContain('Open ITAS demo loaded: 59 agencies');
    expect(app.output()).toContain('admin@demo.itas.local');
    expect(readdirSync(dataDir)).not.toContain(DEMO_LOADING_FILE);
    const copied = await openDatabase({ kind: 'pglite', dataDir });
    const whole = await createTestDb();
    try {
      await loadDemo(createServices(whole.db));
      // Every table holds as many rows as after a whole load, but for what the server's worker
      // does after any start (its jobs, their link checks and mail, recomputed cards; 2563's
      // cards are compared below).
      const tables = await sql<{ name: string }>`select table_name as name
        from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('jobs', 'oit_link_checks', 'mail_outbox', 'score_cards',
          'recompute_marks')
        order by 1`.execute(whole.db);
      const counts = async (db: Db) => {
        const out: Record<string, number> = {};
        for (const { name } of tables.rows)
          out[name] = Number(
            (
              await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(
                db,
              )
            ).rows[0]!.n,
          );
        return out;
      };
      expect(await counts(copied)).toEqual(await counts(whole.db));
      // 2563's published results, agency by agency.
      const cards = (db: Db) =>
        sql<{ agency_code: string; overall: string; level: string }>`select agency_code,
          overall::text as overall, level from score_cards where fiscal_year = 2563
          order by agency_code`.execute(db);
      const published = (await cards(whole.db)).rows;
      expect(published).toHaveLength(59);
      expect((await cards(copied)).rows).toEqual(published);
      // The undated part is the build's (made before this start), the dated one today's: the
      // current fiscal year's IIT is open today.
      const first = await sql<{ at: Date }>`select min(at) as at from audit_log`.execute(copied);
      expect(new Date(first.rows[0]!.at).getTime()).toBeLessThan(started.getTime());
      const open = await sql<{ n: number }>`select count(*)::int as n from calendar_phases
        where phase = 'iit' and agency_code = '' and opens_on <= current_date
          and closes_on >= current_date
          and fiscal_year = (select max(fiscal_year) from assessment_years)`.execute(copied);
      expect(open.rows[0]!.n).toBe(1);
    } finally {
      await copied.destroy();
      await whole.close();
    }
  }, 240_000);

  it('a first start killed once the demo database is in place leaves the folder marked, and the next start loads the demo again', async () => {
    const dataDir = join(dir, 'demo-killed');
    const child = spawn(process.execPath, ['bin/start.js'], {
      env: {
        ...process.env,
        DATABASE_URL: `file:${dataDir}`,
        DEMO: 'auto',
        LOG_LEVEL: 'warn',
        PORT: String(await freePort()),
      },
      stdio: 'ignore',
    });
    const exited = new Promise((done) => child.once('exit', done));
    // Killed as soon as the copy has landed (PG_VERSION comes last), while the dated part loads.
    for (let i = 0; i < 6000 && !existsSync(join(dataDir, 'PG_VERSION')); i++)
      await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    expect(readdirSync(dataDir)).toContain(DEMO_LOADING_FILE);
    const next = await startAppProcess(
      { DATABASE_URL: `file:${dataDir}`, DEMO: 'auto' },
      { compiled: true },
    );
    await next.stop();
    expect(next.output()).toContain('the demo was left loading at the last start');
    expect(next.output()).toContain('Open ITAS demo loaded: 59 agencies');
    expect(readdirSync(dataDir)).not.toContain(DEMO_LOADING_FILE);
  }, 240_000);

  // The build bundles the pure ES-module packages (kysely, zod, hono, csv-parse, csv-stringify)
  // into dist/: the compiled CLI reads a file, checks it and writes CSV with them.
  it('the compiled itas imports agencies, refuses a bad file with its line, and lists them as CSV', () => {
    const env = {
      ...process.env,
      DATABASE_URL: `file:${join(dir, 'cli')}`,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    };
    const itas = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/itas.js', ...args], { env, encoding: 'utf8' });
    const imported = itas('import', 'agencies', 'src/demo/data/lamphun-agencies.csv');
    expect(imported.stderr).not.toMatch(/compiling/);
    expect(imported.status).toBe(0);
    const bad = join(dir, 'bad-agencies.csv');
    writeFileSync(bad, 'code,name_th,type\nX-1,,province\n');
    const refused = itas('import', 'agencies', bad);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('bad-agencies.csv:บรรทัด 2 คอลัมน์ name_th');
    expect(refused.stderr).toContain(
      'bad-agencies.csv:line 2, column name_th: name_th is required',
    );
    const listed = itas('agencies', 'list', '--format', 'csv');
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^code,/);
    expect(lines).toHaveLength(60);
  }, 120_000);
});
