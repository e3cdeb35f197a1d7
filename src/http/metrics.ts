// /metrics for Prometheus: requests and latencies by route pattern and status class, the job
// queue, the connection pool, jobs run, the process; survey answers only per tool and closed
// day. Respondents' paths (/go/…, /api/v1/surveys/…) are never in the live request counters:
// read every few seconds, they would date each answer to the moment (ADR 0005, ADR 0012).
// Served only with METRICS_TOKEN as a bearer token; without one, /metrics does not exist.
import { createHash, timingSafeEqual } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Services } from '../services/container.ts';
import { isSurveyPath, type SurveyMetrics } from './middleware.ts';
import {
  createCounter,
  createHistogram,
  PROMETHEUS_CONTENT_TYPE,
  renderFamily,
  type Sample,
} from './prometheus.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Seconds: from a cached page to a slow export. */
const LATENCY_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The route pattern that answered (`/results/:year/agencies/:code`), never the path itself. */
function routeOf(c: Context): string {
  const route = matchedRoutes(c)[c.req.routeIndex];
  // Middleware (app.use) is registered for every method; a request no route answered is one.
  return route && route.method !== 'ALL' ? route.path : '(unmatched)';
}

export function createMetrics(opts: { token: string | null; role: string }) {
  const requests = createCounter(
    'itas_http_requests_total',
    'HTTP requests answered, by route pattern, method and status class (survey paths excluded)',
  );
  const latency = createHistogram(
    'itas_http_request_duration_seconds',
    'Time to answer an HTTP request, by route pattern and method (survey paths excluded)',
    LATENCY_BOUNDS,
  );
  const jobs = createCounter('itas_jobs_run_total', 'Background jobs run, by kind and outcome');
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  const expected = opts.token ? createHash('sha256').update(opts.token).digest() : null;

  const middleware: MiddlewareHandler = async (c, next) => {
    if (isSurveyPath(c.req.path)) return next();
    const started = performance.now();
    await next();
    const labels = {
      route: routeOf(c),
      method: METHODS.has(c.req.method) ? c.req.method : 'OTHER',
    };
    requests.inc({ ...labels, class: `${Math.floor(c.res.status / 100)}xx` });
    latency.observe(labels, (performance.now() - started) / 1000);
  };

  /** The whole exposition: this process's counters, then what the database says now. */
  async function render(services: Services, survey?: SurveyMetrics): Promise<string> {
    let out = '';
    // The database away: say so, and still show this process's own figures.
    const db = await services.metrics.read().catch(() => null);
    out += renderFamily('itas_up', 'This process answers; role is web, worker or all', 'gauge', [
      { labels: { role: opts.role }, value: 1 },
    ]);
    out += renderFamily('itas_database_up', 'Whether the database answered this scrape', 'gauge', [
      { labels: {}, value: db ? 1 : 0 },
    ]);
    out += requests.render() + latency.render() + jobs.render();
    const pool = db?.pool ?? services.metrics.pool();
    if (pool) {
      out += renderFamily('itas_db_pool_size', 'Most connections this process opens', 'gauge', [
        { labels: {}, value: pool.size },
      ]);
      out += renderFamily(
        'itas_db_pool_connections',
        'Connections of this process, by state (in use = open - idle)',
        'gauge',
        [
          { labels: { state: 'open' }, value: pool.open },
          { labels: { state: 'idle' }, value: pool.idle },
          { labels: { state: 'in_use' }, value: pool.open - pool.idle },
        ],
      );
      out += renderFamily(
        'itas_db_pool_waiting',
        'Requests of this process waiting for a connection',
        'gauge',
        [{ labels: {}, value: pool.waiting }],
      );
    }
    if (db) {
      out += renderFamily(
        'itas_jobs',
        'Jobs in the queue, by state (shared by all processes)',
        'gauge',
        [
          { labels: { state: 'pending' }, value: db.queue.pending },
          { labels: { state: 'running' }, value: db.queue.running },
          { labels: { state: 'failed' }, value: db.queue.failed },
        ],
      );
      out += renderFamily(
        'itas_job_oldest_due_age_seconds',
        'How long the oldest due job has waited to be claimed (0: none waits)',
        'gauge',
        [{ labels: {}, value: db.queue.oldestDueAgeSeconds }],
      );
      out += renderFamily(
        'itas_survey_answers_stored',
        'Survey answers stored per tool and closed Thailand day (never today, never per agency)',
        'gauge',
        db.submissions.map((s) => ({ labels: { tool: s.tool, day: s.day }, value: s.count })),
      );
    }
    const closed = survey?.closedDay();
    if (closed) {
      const samples: Sample[] = Object.entries(closed.counts).map(([key, value]) => {
        const [kind, klass] = key.split(' ');
        return { labels: { day: closed.day, kind: kind!, class: klass! }, value };
      });
      out += renderFamily(
        'itas_survey_requests_day',
        'Survey requests this process answered on its last closed Thailand day, by kind and status class',
        'gauge',
        samples,
      );
    }
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    out += renderFamily('process_resident_memory_bytes', 'Resident memory', 'gauge', [
      { labels: {}, value: mem.rss },
    ]);
    out += renderFamily('nodejs_heap_used_bytes', 'V8 heap in use', 'gauge', [
      { labels: {}, value: mem.heapUsed },
    ]);
    out += renderFamily('process_cpu_seconds_total', 'CPU time used', 'counter', [
      { labels: {}, value: (cpu.user + cpu.system) / 1e6 },
    ]);
    out += renderFamily(
      'process_start_time_seconds',
      'When the process started (Unix time)',
      'gauge',
      // eslint-disable-next-line no-restricted-syntax -- the process's start for Prometheus, not business time
      [{ labels: {}, value: Math.round(Date.now() / 1000 - process.uptime()) }],
    );
    out += renderFamily(
      'nodejs_eventloop_delay_p99_seconds',
      'Event-loop delay, 99th percentile since the last scrape',
      'gauge',
      [{ labels: {}, value: loopDelay.percentile(99) / 1e9 }],
    );
    loopDelay.reset();
    return out;
  }

  /** GET /metrics (mounted only when `enabled`): 401 without the right bearer token. */
  function route(services: Services, survey?: SurveyMetrics) {
    return async (c: Context) => {
      if (!expected) return c.text('metrics are off\n', 404);
      const sent = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      const given = createHash('sha256').update(sent).digest();
      if (!timingSafeEqual(given, expected)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return c.text('unauthorized\n', 401);
      }
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(await render(services, survey), 200, {
        'Content-Type': PROMETHEUS_CONTENT_TYPE,
      });
    };
  }

  return {
    /** Whether /metrics is served at all (METRICS_TOKEN set). */
    enabled: expected !== null,
    middleware,
    route,
    render,
    /** For the worker: one job (or a batch's each job) finished. */
    jobRan: (kind: string, outcome: 'done' | 'failed') => jobs.inc({ kind, outcome }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
