// The database going away is an ordinary event: requests that need it answer 503 with
// Retry-After (bilingual JSON for the API, a calm page for people), /readyz answers within a
// second either way, lost connections never end the process, and the app recovers by itself.
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import pino from 'pino';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.tsx';
import { createServices } from '../../src/services/container.ts';
import { isDatabaseUnavailable, openDatabase } from '../../src/storage/database.ts';
import { createTestApp } from '../helpers/app.ts';
import {
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyYear,
} from '../helpers/survey-fixture.ts';

const silent = pino({ level: 'silent' });
const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : null;

/** The app over a PostgreSQL "server" that is not there, or that never answers. */
async function appOver(url: string) {
  const db = await openDatabase(
    { kind: 'postgres', url },
    { limits: { connectTimeoutMs: 500, statementTimeoutMs: 1000 }, poolSize: 2 },
  );
  const app = createApp({ services: createServices(db), log: silent });
  return { app, close: () => db.destroy() };
}

async function expectUnavailable(res: Response, kind: 'json' | 'html') {
  expect(res.status).toBe(503);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = await res.text();
  expect(body).not.toMatch(/at .*\.ts:\d+|Error:|ECONNREFUSED|stack/);
  if (kind === 'json') {
    const json = JSON.parse(body) as {
      error: { code: string; message: string; message_th: string };
    };
    expect(json.error.code).toBe('unavailable');
    expect(json.error.message).toMatch(/database/i);
    expect(json.error.message_th).toMatch(/ฐานข้อมูล/);
  } else {
    expect(body).toContain('ระบบไม่พร้อมให้บริการชั่วคราว');
    expect(body).toContain('Temporarily unavailable');
    expect(body).toMatch(/<meta http-equiv="refresh" content="\d+"/);
  }
}

const submit = (app: { request: (p: string, i: RequestInit) => Response | Promise<Response> }) =>
  app.request(`/api/v1/surveys/abcdefgh/eit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_id: randomUUID(), answers: { E1: '4' } }),
  });

describe('a database that refuses connections', () => {
  let t: Awaited<ReturnType<typeof appOver>>;
  let port: number;
  beforeAll(async () => {
    // A port that was free a moment ago: connections to it are refused.
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    port = (s.address() as { port: number }).port;
    await new Promise<void>((r) => s.close(() => r()));
    t = await appOver(`postgres://postgres@127.0.0.1:${port}/none`);
  });
  afterAll(() => t.close());

  it('answers the survey API with a bilingual 503 and Retry-After, not 500', async () => {
    await expectUnavailable(await submit(t.app), 'json');
  });

  it('answers pages with a calm bilingual 503 page that retries by itself', async () => {
    await expectUnavailable(await t.app.request('/'), 'html');
    await expectUnavailable(await t.app.request('/agencies?lang=en'), 'html');
  });

  it('/readyz says unavailable at once; /healthz (the process) stays ok', async () => {
    const started = performance.now();
    const res = await t.app.request('/readyz');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(503);
    expect((await t.app.request('/healthz')).status).toBe(200);
  });
});

describe('a database that accepts connections and never answers (frozen)', () => {
  let blackHole: Server;
  const sockets: Socket[] = [];
  let t: Awaited<ReturnType<typeof appOver>>;
  beforeAll(async () => {
    blackHole = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', r));
    const { port } = blackHole.address() as { port: number };
    t = await appOver(`postgres://postgres@127.0.0.1:${port}/frozen`);
  });
  afterAll(async () => {
    await t.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => blackHole.close(() => r()));
  });

  it('/readyz answers 503 within a second instead of hanging', async () => {
    const started = performance.now();
    const res = await t.app.request('/readyz');
    const ms = performance.now() - started;
    expect(res.status).toBe(503);
    expect(ms).toBeLessThan(1000);
  });

  it('a request answers 503 after the connect timeout instead of hanging', async () => {
    const started = performance.now();
    await expectUnavailable(await submit(t.app), 'json');
    // connectTimeoutMs is 500 here; the default is 5 s (DATABASE_CONNECT_TIMEOUT_MS).
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('isDatabaseUnavailable', () => {
  it('tells the database being away from a bug or a refusal', () => {
    const pgError = (code: string) => Object.assign(new Error('x'), { code });
    expect(isDatabaseUnavailable(pgError('57P01'))).toBe(true); // admin shutdown
    expect(isDatabaseUnavailable(pgError('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([pgError('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: pgError('08006') }))).toBe(true);
    expect(isDatabaseUnavailable(pgError('23505'))).toBe(false); // unique violation
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

// Terminating the app's own connections on the shared server is safe: only this file's fresh
// database is touched. (Restarting a server is in pg-restart.fault.test.ts, on its own cluster.)
describe.skipIf(!pgUrl)('connections terminated by PostgreSQL (pg_terminate_backend)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let code: string;
  let admin: pg.Client;
  let dbName: string;
  beforeAll(async () => {
    t = await createTestApp();
    await openSurveyYear(t.services);
    code = await linkCode(t.services, '51-PRV');
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.db);
    dbName = rows[0]!.name;
    admin = new pg.Client({ connectionString: pgUrl! });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  const terminateAll = async () => {
    const { rows } = await admin.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = $1 and pid <> pg_backend_pid()`,
      [dbName],
    );
    return rows[0]!.n;
  };
  const post = () =>
    t.app.request(`/api/v1/surveys/${code}/eit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        response_id: randomUUID(),
        answers: fullAnswers('EIT'),
        demographics: demographicsFor('EIT'),
      }),
    });

  it('survives its idle connections being killed, and the next request simply works', async () => {
    // Several connections open and idle in the pool.
    await Promise.all(Array.from({ length: 6 }, () => sql`select pg_sleep(0.05)`.execute(t.db)));
    expect(await terminateAll()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect((await post()).status).toBe(201);
    expect((await t.app.request('/readyz')).status).toBe(200);
  });

  it('a statement whose connection is killed fails as "unavailable"; the process goes on', async () => {
    const running = sql`select pg_sleep(5)`.execute(t.db).then(
      () => null,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await terminateAll()).toBeGreaterThan(0);
    const err = await running;
    expect(err).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(err)).toBe(true);
    // A request that draws another killed connection before the pool has heard of it is a 503
    // (nothing stored, try again); within moments requests are stored again.
    const statuses: number[] = [];
    const until = Date.now() + 3000;
    while (statuses.at(-1) !== 201 && Date.now() < until) statuses.push((await post()).status);
    expect(statuses.at(-1)).toBe(201);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
  });
});
