// /metrics (issue 19.3): Prometheus text that an operator can scrape with a token and nobody can
// without; requests by route pattern and status class; the job queue, the pool and jobs run;
// and survey answers only per tool and closed day — no survey path in the live counters, no
// agency, no link, no day that is not over (ADR 0005, ADR 0012).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thaiDay } from '../../src/domain/calendar.ts';
import { createApp } from '../../src/http/app.tsx';
import { createMetrics } from '../../src/http/metrics.ts';
import { createWorkerApp } from '../../src/http/ops.routes.ts';
import { registerBuiltInJobs, runDueJobs } from '../../src/jobs/worker.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { recomputeJob } from '../../src/services/job-kinds.ts';
import { enqueueJobs } from '../../src/storage/job.repository.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import {
  YEAR,
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyYear,
} from '../helpers/survey-fixture.ts';

const TOKEN = 'metrics-test-token-0123456789abcdefghijklmnop';
const auth = { authorization: `Bearer ${TOKEN}` };

let t: TestDb;
let services: Services;
let clock = new Date();
let metrics: ReturnType<typeof createMetrics>;
let app: ReturnType<typeof createApp>;
let code: string;

beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db, { clock: () => clock });
  await openSurveyYear(services);
  code = await linkCode(services, '51-PRV');
  metrics = createMetrics({ token: TOKEN, role: 'all' });
  app = createApp({ services, log: pino({ level: 'silent' }), metrics });
});

afterAll(() => t?.close());

const scrape = async (a: { request: typeof app.request } = app) => {
  const res = await a.request('/metrics', { headers: auth });
  expect(res.status).toBe(200);
  return res.text();
};

/** Every sample line of the exposition, as [name, labels, value]. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(l);
      if (!m) throw new Error(`not a sample line: ${l}`);
      const labels: Record<string, string> = {};
      for (const p of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[p[1]!] = p[2]!;
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

const valueOf = (text: string, name: string, labels: Record<string, string> = {}) =>
  samples(text).find(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )?.value;

async function submitEit(): Promise<number> {
  const res = await app.request(`/api/v1/surveys/${code}/eit`, {
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
}

describe('/metrics access', () => {
  it('is not there without METRICS_TOKEN, and asks for the token when it is set', async () => {
    const off = createApp({
      services,
      log: pino({ level: 'silent' }),
      metrics: createMetrics({ token: null, role: 'all' }),
    });
    expect((await off.request('/metrics', { headers: auth })).status).toBe(404);

    const none = await app.request('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain('itas_');
    const wrong = await app.request('/metrics', {
      headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);

    const ok = await app.request('/metrics', { headers: auth });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    // A scrape sets no cookie (it skips the session and CSRF middleware).
    expect(ok.headers.get('set-cookie')).toBeNull();
  });

  it('is valid exposition text: every sample belongs to a declared family', async () => {
    await app.request('/');
    const text = await scrape();
    const declared = new Map<string, string>();
    for (const m of text.matchAll(/^# TYPE (\S+) (counter|gauge|histogram)$/gm))
      declared.set(m[1]!, m[2]!);
    for (const s of samples(text)) {
      const family = declared.has(s.name) ? s.name : s.name.replace(/_(bucket|sum|count)$/, '');
      expect(declared.has(family), s.name).toBe(true);
      expect(Number.isNaN(s.value), s.name).toBe(false);
    }
    expect(declared.get('itas_http_request_duration_seconds')).toBe('histogram');
  });
});

describe('requests by route pattern and status class', () => {
  it('names the route pattern, never the path, and counts each status class', async () => {
    const agencyReport = (text: string) =>
      samples(text).filter(
        (s) =>
          s.name === 'itas_http_requests_total' &&
          /^\/results\/:year.*\/agencies\/:/.test(s.labels.route ?? '') &&
          s.labels.class === '4xx',
      );
    const was = agencyReport(await scrape()).reduce((n, s) => n + s.value, 0);
    for (const agency of ['X-1', 'X-2', 'X-3'])
      await app.request(`/results/2001/agencies/${agency}`);
    await app.request('/no-such-page-here');
    await app.request('/sign-in');
    const after = await scrape();
    // One series for the three reports (unknown agencies: 404), named by the pattern.
    const series = agencyReport(after);
    expect(series).toHaveLength(1);
    expect(series[0]!.value).toBe(was + 3);
    const route = { route: series[0]!.labels.route!, method: 'GET' };
    expect(after).not.toMatch(/X-[123]|no-such-page-here/);
    expect(
      valueOf(after, 'itas_http_requests_total', { route: '(unmatched)', class: '4xx' }),
    ).toBeGreaterThan(0);
    expect(
      valueOf(after, 'itas_http_requests_total', { route: '/sign-in', class: '2xx' }),
    ).toBeGreaterThan(0);
    // Latency: a histogram per route pattern, its count the number of requests.
    expect(valueOf(after, 'itas_http_request_duration_seconds_count', route)).toBe(was + 3);
    expect(
      valueOf(after, 'itas_http_request_duration_seconds_bucket', { ...route, le: '+Inf' }),
    ).toBe(was + 3);
  });
});

describe('survey answers: per tool and closed day only', () => {
  it('shows no survey request live and no count for today; yesterday per tool once the day is over', async () => {
    const today = thaiDay(clock);
    expect(await submitEit()).toBe(201);
    expect(await submitEit()).toBe(201);
    const live = await scrape();
    // No survey path, no link, no agency anywhere in the text.
    expect(live).not.toMatch(/surveys|\/go\/|51-PRV/);
    expect(live).not.toContain(code);
    expect(samples(live).some((s) => s.labels.day === today)).toBe(false);

    // The next Thailand day: yesterday's answers appear, counted per tool, with no agency.
    clock = new Date(clock.getTime() + 86_400_000);
    const next = await scrape();
    const stored = samples(next).filter((s) => s.name === 'itas_survey_answers_stored');
    expect(stored).toEqual([
      { name: 'itas_survey_answers_stored', labels: { tool: 'EIT', day: today }, value: 2 },
    ]);
    expect(next).not.toContain(code);
    expect(next).not.toContain('51-PRV');
  });
});

describe('jobs and the database pool', () => {
  it('shows queue depth and the age of the oldest due job, and counts jobs run by kind', async () => {
    await enqueueJobs(t.db, [
      { ...recomputeJob(YEAR, '51-PRV'), delaySeconds: -120 },
      { ...recomputeJob(YEAR, '51-PAO'), delaySeconds: -5 },
    ]);
    const queued = await scrape();
    expect(valueOf(queued, 'itas_jobs', { state: 'pending' })).toBe(2);
    expect(valueOf(queued, 'itas_job_oldest_due_age_seconds')).toBeGreaterThanOrEqual(119);
    expect(valueOf(queued, 'itas_database_up')).toBe(1);
    expect(valueOf(queued, 'itas_db_pool_size')).toBeGreaterThanOrEqual(1);
    expect(valueOf(queued, 'itas_db_pool_connections', { state: 'open' })).toBeGreaterThanOrEqual(
      1,
    );

    registerBuiltInJobs();
    await runDueJobs(services, pino({ level: 'silent' }), { onJob: metrics.jobRan });
    const done = await scrape();
    expect(valueOf(done, 'itas_jobs', { state: 'pending' })).toBe(0);
    expect(valueOf(done, 'itas_job_oldest_due_age_seconds')).toBe(0);
    expect(valueOf(done, 'itas_jobs_run_total', { kind: 'recompute', outcome: 'done' })).toBe(2);
  });

  it('a worker process serves /metrics too, with the same token', async () => {
    const worker = createWorkerApp(services, metrics);
    expect((await worker.request('/metrics')).status).toBe(401);
    const text = await scrape(worker);
    expect(valueOf(text, 'itas_up', { role: 'all' })).toBe(1);
    expect(valueOf(text, 'itas_jobs', { state: 'failed' })).toBe(0);
  });
});

describe('the sample Grafana dashboard', () => {
  it('asks only for metrics this code exposes', () => {
    const dashboard = JSON.parse(readFileSync('docs/deploy/grafana-dashboard.json', 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    const used = new Set(
      exprs.flatMap((e) =>
        [...e.matchAll(/\b((?:itas|process|nodejs)_\w+)/g)].map((m) =>
          m[1]!.replace(/_(bucket|sum|count)$/, ''),
        ),
      ),
    );
    const source = readFileSync('src/http/metrics.ts', 'utf8');
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) expect(source, name).toContain(`'${name}'`);
  });
});
