// Wires the app together and listens as a web process, a worker or both (PROCESS_ROLE); shuts
// down gracefully on SIGTERM/SIGINT.
import { serve } from '@hono/node-server';
import { createLogger, openReadyDatabase } from './bootstrap.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { loadSurveyLimits, surveySecretOf } from './config-survey.ts';
import {
  loadDemo,
  loadRestOfBuiltDemo,
  printDemoReminder,
  printDemoReport,
  printUnfinishedDemo,
} from './demo/load-demo.ts';
import { markDemoLoading } from './storage/unfinished-demo.ts';
import { createApp } from './http/app.tsx';
import { createMetrics } from './http/metrics.ts';
import { createWorkerApp } from './http/ops.routes.ts';
import { createStartingApp } from './http/starting.tsx';
import { findAsset } from './views/static-assets.ts';
import { createPdfRenderer, pdfAvailable } from './exports/pdf.ts';
import { createServices } from './services/container.ts';
import { startWorker } from './jobs/worker.ts';
import { en } from './i18n/en.ts';
import { th } from './i18n/th.ts';
import { DatabaseInUse, recordServerUrl } from './storage/pglite-lock.ts';
import { DatabaseBehind } from './storage/migrate.ts';

/** How a process on this host reaches a server listening on `host` (a wildcard: loopback). */
function localUrl(host: string, port: number): string {
  const h = ['', '0.0.0.0', '::', '[::]'].includes(host) ? '127.0.0.1' : host;
  return `http://${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port}`;
}

function readConfig(): Config {
  try {
    const config = loadConfig();
    // Development without SURVEY_SECRET: a generated one kept in a file beside the app.
    return { ...config, surveySecret: surveySecretOf(config) };
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(
        `Open ITAS cannot start.\n${e.message}\nSee .env.example for every variable.\n`,
      );
      process.exit(2);
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config);
  // The port answers at once (createStartingApp: alive, not ready, a page that retries) while the
  // database opens, migrates and, on an empty one (DEMO=auto), takes the demo; then the real app.
  // `env` carries Node's request and socket (the client's address): passed through untouched.
  let handler: (req: Request, env: unknown) => Response | Promise<Response> =
    createStartingApp().fetch;
  let onListening!: (port: number) => void;
  const listening = new Promise<number>((resolve) => (onListening = resolve));
  const server = serve(
    { fetch: (req, env) => handler(req, env), port: config.port, hostname: config.host },
    (info) => onListening(info.port),
  );
  server.on('error', (e: NodeJS.ErrnoException) => {
    process.stderr.write(
      `Open ITAS cannot start: PORT ${config.port}: ${e.code === 'EADDRINUSE' ? 'already in use' : e.message}\n`,
    );
    process.exit(2);
  });
  // A stop asked for while starting: nothing is served yet, so there is nothing to finish.
  const stopEarly = () => process.exit(0);
  process.once('SIGTERM', stopEarly);
  process.once('SIGINT', stopEarly);
  let db;
  // A new embedded folder may start as the build's demo database, its dated part still to load.
  let builtDemo = false;
  try {
    db = await openReadyDatabase(config, log, {
      onUnfinishedDemo: () =>
        log.warn(
          'the demo was left loading at the last start: the embedded database starts again empty / ข้อมูลสาธิตโหลดไม่เสร็จเมื่อเริ่มครั้งก่อน จึงเริ่มฐานข้อมูลใหม่',
        ),
      ...(config.demo && { onBuiltDemo: () => (builtDemo = true) }),
    });
  } catch (e) {
    if (e instanceof DatabaseBehind) {
      const [n, first] = [String(e.pending.length), e.pending[0]!];
      process.stderr.write(
        `Open ITAS cannot start.\n${th.ops.databaseBehind(n, first)}\n${en.ops.databaseBehind(n, first)}\n`,
      );
      process.exit(3);
    }
    if (e instanceof DatabaseInUse) {
      const pid = String(e.pid);
      process.stderr.write(
        `Open ITAS cannot start.\n${th.ops.databaseInUse(e.dir, pid)}\n${en.ops.databaseInUse(e.dir, pid)}\n`,
      );
      process.exit(3);
    }
    process.stderr.write(
      `Open ITAS cannot start: the database is not reachable or not ready.\n  DATABASE_URL: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exit(3);
  }
  const services = createServices(db, {
    publicUrl: config.publicUrl,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    surveySecret: config.surveySecret!,
    secretKey: config.secretKey,
    trustProxy: config.trustProxy,
    surveyLimits: loadSurveyLimits(),
  });
  // Until the demo has loaded, a stop (stopEarly) leaves it marked, in the embedded folder and
  // in the database: the next start empties a marked folder (above), and stops on a marked
  // PostgreSQL database, whose other data it cannot tell from the demo's (docs/demo.md).
  const demo = builtDemo
    ? await services.demoLoading.finishBuiltDemo(
        () => loadRestOfBuiltDemo(services),
        () => markDemoLoading(config.database),
      )
    : await services.demoLoading.loadIfEmpty(config.demo ? () => loadDemo(services) : null, () =>
        markDemoLoading(config.database),
      );
  if (demo.kind === 'unfinished') {
    printUnfinishedDemo(demo.since, config.database);
    await db.destroy();
    process.exit(3);
  }
  if (demo.kind === 'loaded') printDemoReport(demo.value, config.publicUrl);
  if (demo.kind === 'present') await printDemoReminder(services, config.publicUrl);
  // PROCESS_ROLE: web processes serve people, worker processes run the job queue, `all` does
  // both. Any number of each may share one PostgreSQL: sessions, rate-limit counters and jobs
  // live in the database, and jobs are claimed with SKIP LOCKED, so each runs once.
  const web = config.role !== 'worker';
  const metrics = createMetrics({ token: config.metricsToken, role: config.role });
  const worker =
    config.role !== 'web'
      ? startWorker(services, log, {
          recomputeEveryMs: config.recomputeDelaySeconds * 1000,
          leaseSeconds: config.jobLeaseSeconds,
          onJob: metrics.jobRan,
        })
      : undefined;
  // One shared Chromium for agency-report PDFs, addressed at PUBLIC_URL (never a request's Host).
  const pdf =
    web && pdfAvailable(config.chromiumPath)
      ? createPdfRenderer({
          chromiumPath: config.chromiumPath,
          origin: config.publicUrl,
          concurrency: config.pdfConcurrency,
          asset: findAsset,
          onError: (err) => log.error({ err }, 'PDF render failed'),
          onRendered: (key, ms) => log.info({ key, ms }, 'PDF rendered'),
        })
      : undefined;
  // A worker answers only the operator's endpoints on PORT (health checks like a web process).
  const app = web
    ? createApp({ services, log, pdf, metrics, backupToken: config.backupToken })
    : createWorkerApp(services, metrics);
  const port = await listening;
  handler = app.fetch;
  // `itas backup` beside this server finds it through the embedded database's lock (ADR 0015).
  const { database } = config;
  if (database.kind === 'pglite' && database.dataDir)
    recordServerUrl(database.dataDir, localUrl(config.host, port));
  log.info(
    { port, role: config.role },
    `${config.role === 'worker' ? 'worker' : 'listening'} on http://localhost:${port}`,
  );
  process.off('SIGTERM', stopEarly);
  process.off('SIGINT', stopEarly);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    // close() stops accepting and waits for open requests; the database closes after them.
    server.close(() => {
      void Promise.resolve(worker?.stop())
        .then(() => pdf?.close())
        // Answers already acknowledged leave their recompute marks before the database closes.
        .then(() => services.responses.settled())
        .then(() => db.destroy())
        .then(() => {
          log.info('stopped');
          process.exit(0);
        });
    });
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();
