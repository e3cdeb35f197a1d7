// The application factory: middleware, routes and error pages. It never listens; main.ts does.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import type { Logger } from 'pino';
import type { Services } from '../services/container.ts';
import type { PdfRenderer } from '../exports/pdf.ts';
import { ServerErrorPage, NotFoundPage } from '../views/pages/error.page.tsx';
import { UnavailablePage } from '../views/pages/unavailable.page.tsx';
import type { AppEnv } from './context.ts';
import { ANONYMOUS } from '../domain/actor.ts';
import { thaiDay } from '../domain/calendar.ts';
import { errorForLog, scrubMessage } from '../domain/log-safety.ts';
import {
  apiSecurityHeaders,
  surveyPageSecurityHeaders,
  createSurveyMetrics,
  language,
  requestContext,
  securityHeaders,
  type SurveyMetrics,
} from './middleware.ts';
import { csrfProtection } from './csrf.ts';
import { inputGuard } from './input-guard.ts';
import { isClientAbort } from './client-abort.ts';
import { pageContext } from './page-context.ts';
import { accountRoutes } from './account.routes.tsx';
import { adminRoutes } from './admin.routes.tsx';
import { adminLogRoutes } from './admin-log.routes.tsx';
import { frameworkAdminRoutes } from './framework-admin.routes.tsx';
import { yearAdminRoutes } from './year-admin.routes.tsx';
import { agencyProfileRoutes } from './agency-profile.routes.tsx';
import { authRoutes } from './auth.routes.tsx';
import { handleExpectedError } from './expected-errors.tsx';
import { sessionMiddleware } from './session.ts';
import { agencyRoutes } from './agency.routes.tsx';
import { provinceRoutes } from './province.routes.tsx';
import { provinceProgressRoutes } from './province-progress.routes.tsx';
import { oitRoutes } from './oit.routes.tsx';
import { oitReviewRoutes } from './oit-review.routes.tsx';
import { publicRoutes } from './public.routes.tsx';
import { resultsRoutes } from './results.routes.tsx';
import { publicationRoutes } from './publication.routes.tsx';
import type { Metrics } from './metrics.ts';
import { opsRoutes } from './ops.routes.ts';
import { mountBackupRoute } from './backup.routes.ts';
import { faviconRoute, staticRoutes } from './static.routes.ts';
import { apiRoutes } from './api.routes.ts';
import { surveyRoutes } from './survey.routes.tsx';
import { surveyApiRoutes } from './survey-api.routes.ts';
import { surveyAdminRoutes } from './survey-admin.routes.tsx';

export interface AppDeps {
  services: Services;
  log: Logger;
  /** Daily counts of survey requests (made here when not given; tests read them). */
  surveyMetrics?: SurveyMetrics;
  /** Renders agency-report PDFs (main.ts makes one from config); none: no PDF is offered. */
  pdf?: PdfRenderer;
  /** How long a .pdf request waits before answering "being made" (202); default 2.5 s. */
  pdfWaitMs?: number;
  /** Prometheus metrics (main.ts makes them from config); none: no /metrics, nothing counted. */
  metrics?: Metrics;
  /** BACKUP_TOKEN: POST /ops/backup serves the snapshot to its holder; none: 404 (ADR 0015). */
  backupToken?: string | null;
}

/** Seconds a client is asked to wait while the database is away (a restart takes a few). */
const RETRY_AFTER_SECONDS = 5;

/** 503 with Retry-After: bilingual JSON for the API, a calm page that retries for people. */
function unavailableResponse(c: Context<AppEnv>, services: Services): Response | Promise<Response> {
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  c.header('Cache-Control', 'no-store');
  if (c.req.path.startsWith('/api/')) {
    const th = services.messages('th').ops;
    const en = services.messages('en').ops;
    return c.json(
      { error: { code: 'unavailable', message: en.unavailableApi, message_th: th.unavailableApi } },
      503,
    );
  }
  return c.html(
    <UnavailablePage ctx={pageContext(c)} retryAfterSeconds={RETRY_AFTER_SECONDS} />,
    503,
  );
}

function requestAborted(c: Context<AppEnv>): boolean {
  try {
    return c.req.raw.signal?.aborted === true;
  } catch {
    return false;
  }
}

const SURVEY_API = '/api/v1/surveys/*';
const isSurveyApi = (path: string) => path.startsWith('/api/v1/surveys/');
/** The respondent's pages: they compress themselves (page-cache.ts) and run no inline script. */
const SURVEY_PAGES = '/go/*';
const isSurveyPage = (path: string) => path.startsWith('/go/');
const isSurveyPath = (path: string) => isSurveyApi(path) || isSurveyPage(path);

/** `mw` on every request but those `skip` picks (a plain test: hono/combine's except costs more). */
const unless =
  (skip: (path: string) => boolean, mw: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> =>
  (c, next) =>
    skip(c.req.path) ? next() : mw(c, next);

export function createApp({
  services,
  log,
  surveyMetrics,
  pdf,
  pdfWaitMs = 2500,
  metrics,
  backupToken = null,
}: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const survey = surveyMetrics ?? createSurveyMetrics(log, () => thaiDay(services.clock()));
  // Before every other middleware: a scrape gets no session, cookie or access-log line.
  if (metrics?.enabled) app.get('/metrics', metrics.route(services, survey));
  if (metrics) app.use(metrics.middleware);
  // Also before them: the operator's backup is a POST from a program, with no session or form.
  mountBackupRoute(app, services, log, { token: backupToken });
  app.use(requestContext(log, survey));
  // Pages, JSON and exports compressed for clients that take it (gzip); static assets and the
  // survey pages come compressed already (page-cache.ts), and the survey API's answers are tiny.
  app.use(unless(isSurveyPath, compress()));
  // The survey API is anonymous and called by programs, and at national peak it is the hottest
  // path: no session lookup, no CSRF cookie (it sends none) and a fixed CSP (JSON needs no script
  // nonce). Everything else gets the full chain.
  app.use(SURVEY_API, apiSecurityHeaders);
  app.use(SURVEY_PAGES, surveyPageSecurityHeaders);
  app.use(unless(isSurveyPath, securityHeaders));
  app.use(language);
  app.use(async (c, next) => {
    c.set('services', services);
    if (pdf) c.set('pdf', pdf);
    c.set('pdfWaitMs', pdfWaitMs);
    await next();
  });
  app.use(SURVEY_API, async (c, next) => {
    c.set('actor', ANONYMOUS);
    await next();
  });
  // Before anything reads the body or the database: bad input is refused at the door.
  app.use(unless(isSurveyApi, inputGuard));
  app.use(unless(isSurveyApi, sessionMiddleware));
  app.use(unless(isSurveyApi, csrfProtection));

  app.route('/', opsRoutes(services));

  app.route('/static', staticRoutes);
  app.route('/', faviconRoute);
  app.route('/', publicRoutes);
  app.route('/', apiRoutes);
  app.route('/', resultsRoutes);
  app.route('/', publicationRoutes);
  app.route('/', agencyRoutes);
  app.route('/', surveyRoutes);
  app.route('/', surveyApiRoutes);
  app.route('/', surveyAdminRoutes);
  app.route('/', authRoutes);
  app.route('/', accountRoutes);
  app.route('/', adminRoutes);
  app.route('/', adminLogRoutes);
  app.route('/', frameworkAdminRoutes);
  app.route('/', yearAdminRoutes);
  app.route('/', agencyProfileRoutes);
  app.route('/', provinceRoutes);
  app.route('/', provinceProgressRoutes);
  app.route('/', oitRoutes);
  app.route('/', oitReviewRoutes);

  app.notFound((c) => c.html(<NotFoundPage ctx={pageContext(c)} />, 404));
  app.onError((err, c) => {
    const expected = handleExpectedError(err, c);
    if (expected) return expected;
    const requestId = c.get('requestId');
    // Language may not be set if the failure came early; the page is bilingual anyway.
    if (!c.get('t')) c.set('t', services.messages('th'));
    if (!c.get('lang')) c.set('lang', 'th');
    // A database socket reset (ECONNRESET, EPIPE) looks like a client hanging up: unless the
    // request itself was aborted, a database error is the database being away (503).
    if (!requestAborted(c) && services.health.isUnavailable(err)) {
      // The database is away (restart, failover, overload): an operational state, not a bug.
      (c.get('log') ?? log).warn(
        { requestId, reason: scrubMessage(err instanceof Error ? err.message : String(err)) },
        'database unavailable',
      );
      return unavailableResponse(c, services);
    }
    if (isClientAbort(err, c)) {
      // The client hung up: nobody reads this answer, and nothing here is broken.
      (c.get('log') ?? log).debug(
        { requestId, reason: scrubMessage(String(err)) },
        'client went away',
      );
      return c.body(null, 400);
    }
    // No path (a survey path names its link, so its agency), no query, no body: the error's
    // kind, code, values blanked, and frames (ADR 0007).
    (c.get('log') ?? log).error({ err: errorForLog(err), requestId }, 'unhandled error');
    if (c.req.path.startsWith('/api/')) {
      return c.json(
        { error: { code: 'internal', message: 'Internal error', reference: requestId } },
        500,
      );
    }
    return c.html(<ServerErrorPage ctx={pageContext(c)} reference={requestId} />, 500);
  });
  return app;
}
