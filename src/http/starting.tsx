// What the port answers while the server starts (ADR 0014: listen at once, then open
// the database, migrate and load the demo): alive, not ready, and a calm bilingual page that
// retries by itself. Nothing here touches the database, which is not open yet.
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { language, securityHeaders } from './middleware.ts';
import { pageContext } from './page-context.ts';
import { faviconRoute, staticRoutes } from './static.routes.ts';
import { UnavailablePage } from '../views/pages/unavailable.page.tsx';
import { messagesFor } from '../i18n/messages.ts';

const RETRY_AFTER_SECONDS = 3;

export function createStartingApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Liveness says the process runs; readiness says it cannot serve yet (load balancers wait).
  app.get('/healthz', (c) => c.json({ status: 'starting' }));
  app.get('/readyz', (c) => c.json({ status: 'starting' }, 503));
  app.use(securityHeaders);
  app.use(language);
  app.route('/static', staticRoutes);
  app.route('/', faviconRoute);
  app.all('*', (c) => {
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    c.header('Cache-Control', 'no-store');
    if (c.req.path.startsWith('/api/')) {
      const th = messagesFor('th').ops;
      const en = messagesFor('en').ops;
      return c.json(
        { error: { code: 'starting', message: en.startingApi, message_th: th.startingApi } },
        503,
      );
    }
    return c.html(
      <UnavailablePage
        ctx={pageContext(c)}
        retryAfterSeconds={RETRY_AFTER_SECONDS}
        reason="starting"
      />,
      503,
    );
  });
  return app;
}
