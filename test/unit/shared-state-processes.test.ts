// Several processes on one PostgreSQL (issue 19.2): two web processes and one worker, each a real
// `src/main.ts` child started as `npm start` would be with PROCESS_ROLE. A session made on one web
// process is valid on the other (and a sign-out on either ends it), the survey rate limit is
// exact across both under concurrent load, web processes run no jobs, and the worker does every
// job exactly once. Runs only with a postgres DATABASE_URL (npm run test:pg): the embedded
// database has one owner process by design (ADR 0009).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/services/container.ts';
import { linkCheckJob } from '../../src/services/job-kinds.ts';
import { saveOitVersions } from '../../src/storage/oit.repository.ts';
import {
  httpClient,
  signInOver,
  startAppProcess,
  type AppProcess,
} from '../helpers/app-process.ts';
import { enqueueJobs, queueStats } from '../../src/storage/job.repository.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { createAccount, TEST_PASSWORD } from '../helpers/sessions.ts';
import {
  YEAR,
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyYear,
} from '../helpers/survey-fixture.ts';

const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;
const why = onPostgres ? '' : 'needs DATABASE_URL=postgres://… (npm run test:pg)';
if (why) console.warn(`shared-state processes test skipped: ${why}`);

/** Survey submissions one network may make per window: the limit the test holds both to. */
const NETWORK_MAX = 12;
const SUBMISSIONS = 40;
const METRICS_TOKEN = 'processes-test-metrics-token-0123456789abcdef';

/** One sample's value from a process's /metrics. */
async function metricOf(base: string, line: RegExp): Promise<number | undefined> {
  const res = await fetch(`${base}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  const text = await res.text();
  const m = text.split('\n').find((l) => line.test(l));
  return m === undefined ? undefined : Number(m.split(' ').pop());
}

describe.skipIf(!onPostgres)(
  `two web processes and a worker on one PostgreSQL${why ? ` — skipped: ${why}` : ''}`,
  () => {
    let t: TestDb;
    let services: Services;
    let webA: AppProcess;
    let webB: AppProcess;
    let worker: AppProcess | undefined;
    let env: Record<string, string>;
    let agencies: string[];

    beforeAll(async () => {
      t = await createTestDb();
      services = createServices(t.db);
      await openSurveyYear(services);
      await createAccount(services, 'admin@processes.example', [
        { role: 'nacc_admin', scope: null },
      ]);
      // Work for the worker: each agency has one OIT URL to check. The URL is on loopback, which
      // the production checker refuses without connecting, and each run records one row per URL.
      const rows = await t.db.selectFrom('agencies').select('code').orderBy('code').execute();
      agencies = rows.map((r) => r.code).slice(0, 30);
      await saveOitVersions(
        t.db,
        YEAR,
        agencies.map((agencyCode) => ({
          agencyCode,
          item: 'O1',
          status: 'submitted' as const,
          answer: 'has' as const,
          urls: [`http://127.0.0.1:9/${agencyCode}`],
          note: null,
          score: null,
          comment: null,
          dispute: null,
        })),
        'agency',
        'test',
      );
      env = {
        DATABASE_URL: t.url!,
        MIGRATE_ON_START: 'off',
        // Every process of a deployment is given the same secrets.
        SURVEY_SECRET: 'processes-test-survey-secret-0123456789abcdef',
        SECRET_KEY: 'processes-test-secret-key-0123456789abcdefghij',
        SURVEY_RATE_NETWORK_MAX: String(NETWORK_MAX),
        SURVEY_RATE_CODE_MAX: '100000',
        SURVEY_BURST_THRESHOLD: '100000',
        DATABASE_POOL_SIZE: '4',
        METRICS_TOKEN: METRICS_TOKEN,
      };
      [webA, webB] = await Promise.all([
        startAppProcess({ ...env, PROCESS_ROLE: 'web' }),
        startAppProcess({ ...env, PROCESS_ROLE: 'web' }),
      ]);
    }, 240_000);

    afterAll(async () => {
      await Promise.all([webA?.stop(), webB?.stop(), worker?.stop()]);
      await t?.close();
    });

    it('a session made on one web process is valid on the other, and ends on both', async () => {
      const browser = httpClient();
      const signIn = await signInOver(browser, webA.url, 'admin@processes.example', TEST_PASSWORD);
      expect(signIn.status, webA.output()).toBe(303);
      expect(signIn.headers.get('location')).toBe('/account');
      expect(browser.jar.has('itas_session')).toBe(true);

      const onB = await browser.get(`${webB.url}/account`);
      expect(onB.status).toBe(200);
      expect(await onB.text()).toContain('admin@processes.example');

      // Signing out on B (with B's form token) ends the session on A too.
      const page = await (await browser.get(`${webB.url}/account`)).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
      const out = await browser.postForm(`${webB.url}/sign-out`, { _csrf: csrf });
      expect(out.status).toBe(303);
      const stale = httpClient();
      stale.jar.set(
        'itas_session',
        signIn.headers
          .getSetCookie()
          .join(';')
          .match(/itas_session=([^;]+)/)![1]!,
      );
      const onA = await stale.get(`${webA.url}/account`);
      expect(onA.status).toBe(303);
      expect(onA.headers.get('location')).toMatch(/^\/sign-in/);
    });

    it('the survey rate limit is exact across both processes under concurrent load', async () => {
      const code = await linkCode(services, '51-PRV');
      const submit = async (base: string) => {
        const res = await fetch(`${base}/api/v1/surveys/${code}/eit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            response_id: randomUUID(),
            answers: fullAnswers('EIT'),
            demographics: demographicsFor('EIT'),
          }),
        });
        await res.arrayBuffer();
        return res.status;
      };
      // A uses most of the network's allowance; then both are hit at once. Were the limit kept
      // per process, B alone would admit NETWORK_MAX more.
      const first = await Promise.all(
        Array.from({ length: NETWORK_MAX - 4 }, () => submit(webA.url)),
      );
      expect(
        first.every((s) => s === 201),
        JSON.stringify(first),
      ).toBe(true);
      const rest = await Promise.all(
        Array.from({ length: SUBMISSIONS }, (_, i) => submit(i % 2 ? webB.url : webA.url)),
      );
      expect(rest.filter((s) => s === 201).length, JSON.stringify(rest)).toBe(4);
      expect(rest.filter((s) => s === 429).length).toBe(SUBMISSIONS - 4);
      const stored = await sql<{ n: number }>`
        select count(*)::int as n from responses where agency_code = '51-PRV'`.execute(t.db);
      expect(stored.rows[0]!.n).toBe(NETWORK_MAX);
    });

    it('web processes run no jobs; the worker does every job exactly once', async () => {
      await enqueueJobs(
        t.db,
        agencies.map((a) => linkCheckJob(YEAR, a, 'submission')),
      );
      // Two web processes, no worker: the jobs wait (a web process would claim within a second).
      await new Promise((r) => setTimeout(r, 2500));
      expect((await queueStats(t.db)).pending).toBe(agencies.length);

      worker = await startAppProcess({ ...env, PROCESS_ROLE: 'worker' });
      // The worker answers the operator's endpoints only.
      expect((await fetch(`${worker.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${worker.url}/sign-in`)).status).toBe(404);
      const until = Date.now() + 60_000;
      for (;;) {
        const s = await queueStats(t.db);
        if (s.pending + s.running === 0) break;
        if (Date.now() > until)
          throw new Error(`jobs left: ${JSON.stringify(s)} ${worker.output()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const checks = await sql<{ agency: string; n: number }>`
        select agency_code as agency, count(*)::int as n from oit_link_checks
        where fiscal_year = ${YEAR} group by agency_code order by agency_code`.execute(t.db);
      expect(checks.rows).toEqual(agencies.map((agency) => ({ agency, n: 1 })));
      expect((await queueStats(t.db)).failed).toBe(0);

      // /metrics shows each process's own counters: the jobs on the worker, none on the web.
      expect(
        await metricOf(worker.url, /^itas_jobs_run_total\{kind="link-check",outcome="done"\}/),
      ).toBe(agencies.length);
      expect(await metricOf(worker.url, /^itas_up\{role="worker"\}/)).toBe(1);
      for (const web of [webA, webB]) {
        expect(await metricOf(web.url, /^itas_jobs_run_total\{/)).toBeUndefined();
        expect(await metricOf(web.url, /^itas_up\{role="web"\}/)).toBe(1);
        expect(
          await metricOf(web.url, /^itas_http_requests_total\{route="\/account",method="GET"/),
        ).toBeGreaterThan(0);
        expect(await metricOf(web.url, /^itas_jobs\{state="pending"\}/)).toBe(0);
      }
    });
  },
);
