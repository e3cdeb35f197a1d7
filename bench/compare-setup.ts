// The throwaway database and the server process of `npm run bench -- compare`: an embedded
// database in a temporary folder by default, or a new database beside DATABASE_URL's (dropped
// afterwards); the server runs compiled (`node bin/start.js`) as production runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadSurveyLimits } from '../src/config-survey.ts';
import { SYSTEM_CLI } from '../src/domain/actor.ts';
import { thaiDay } from '../src/domain/calendar.ts';
import { createServices, type Services } from '../src/services/container.ts';
import { openDatabase, type Db } from '../src/storage/database.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { ensureReferenceData } from '../src/storage/reference.repository.ts';

/** Limits raised so the benchmark measures throughput, not the limiter refusing one network. */
export const UNLIMITED = {
  SURVEY_RATE_NETWORK_MAX: '100000000',
  SURVEY_RATE_CODE_MAX: '100000000',
  SURVEY_BURST_THRESHOLD: '100000000',
};

export interface BenchDatabase {
  /** DATABASE_URL for the server and the CLI. */
  url: string;
  kind: 'pglite' | 'postgres';
  /** Opens it in this process (PGlite: only while no server or CLI holds it). */
  open(): Promise<Db>;
  drop(): Promise<void>;
  dir: string;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'itas-bench-compare-'));
  const given = process.env.DATABASE_URL;
  if (given?.startsWith('postgres')) {
    const name = `itas_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(given);
    u.pathname = `/${name}`;
    const url = u.toString();
    return {
      url,
      kind: 'postgres',
      dir,
      open: () => openDatabase({ kind: 'postgres', url }, { poolSize: 4 }),
      drop: async () => {
        const a = new pg.Client({ connectionString: given });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = join(dir, 'data');
  return {
    url: `file:${dataDir}`,
    kind: 'pglite',
    dir,
    open: () => openDatabase({ kind: 'pglite', dataDir }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const SURVEY_YEAR = 2569;

/**
 * Lamphun's agencies, a year whose IIT and EIT are open today, and their links; the services
 * returned have the UNLIMITED survey limits.
 */
export async function prepareSurveys(db: Db): Promise<{ codes: string[]; services: Services }> {
  await migrateToLatest(db);
  await ensureReferenceData(db);
  // For the servers and in-process services made later from this environment (form-costs).
  Object.assign(process.env, UNLIMITED);
  // createServices reads no environment (ADR 0019): the raised limits are given to it, so the
  // benches that submit through these services (surveys' "service only") are not refused.
  const services = createServices(db, { surveyLimits: loadSurveyLimits(UNLIMITED) });
  await services.agencies.importAgencies(
    SYSTEM_CLI,
    'lamphun-agencies.csv',
    readFileSync('src/demo/data/lamphun-agencies.csv', 'utf8'),
  );
  await services.years.create(SYSTEM_CLI, SURVEY_YEAR, 'ita-2563');
  const today = thaiDay(new Date());
  for (const phase of ['iit', 'eit'])
    await services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: SURVEY_YEAR,
      phase,
      opensOn: today,
      closesOn: today,
    });
  await services.surveyLinks.ensureAll(SYSTEM_CLI, SURVEY_YEAR);
  const codes = (await services.surveyLinks.list(SYSTEM_CLI, SURVEY_YEAR)).map((l) => l.code);
  return { codes, services };
}

export interface RunningServer {
  base: string;
  process: ChildProcess;
  /** Bytes the server wrote to stdout/stderr (its log at the default level). */
  logBytes: () => number;
  stop(): Promise<void>;
}

/** `node bin/start.js` (compiled dist/), NODE_ENV=production, the default log level. */
export async function startServer(dbUrl: string): Promise<RunningServer> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  let out = '';
  let bytes = 0;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: dbUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO: 'off',
    NODE_ENV: 'production',
    // Production requires a survey secret.
    SURVEY_SECRET: randomBytes(32).toString('base64url'),
    ...UNLIMITED,
  };
  delete env.LOG_LEVEL;
  delete env.BENCH_PROCESSES;
  // BENCH_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, to profile the server under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  delete env.BENCH_NODE_ARGS;
  const server = spawn(process.execPath, [...nodeArgs, 'bin/start.js'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => {
    bytes += d.length;
    if (out.length < 20000) out += d.toString();
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 480) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    process: server,
    logBytes: () => bytes,
    stop: () =>
      new Promise<void>((r) => {
        if (server.exitCode !== null) return r();
        server.once('exit', () => r());
        server.kill('SIGTERM');
      }),
  };
}
