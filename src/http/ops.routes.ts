// The operator's endpoints every process answers, web or worker: liveness and readiness (and
// /metrics, mounted by the app that has them).
import { Hono } from 'hono';
import type { Services } from '../services/container.ts';
import type { Metrics } from './metrics.ts';

export function opsRoutes(services: Services): Hono {
  const routes = new Hono();
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));
  // Answers within a second either way, so a load balancer never waits on a dead database.
  routes.get('/readyz', async (c) => {
    const ready = await services.health.isReady();
    return c.json({ status: ready ? 'ready' : 'unavailable' }, ready ? 200 : 503);
  });
  return routes;
}

/**
 * What a worker-only process (PROCESS_ROLE=worker) serves on PORT: the operator's endpoints and
 * nothing else, so an orchestrator can check it like a web process.
 */
export function createWorkerApp(services: Services, metrics?: Metrics): Hono {
  const app = new Hono();
  if (metrics?.enabled) app.get('/metrics', metrics.route(services));
  if (metrics) app.use(metrics.middleware);
  app.route('/', opsRoutes(services));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'worker process' } }, 404));
  return app;
}
