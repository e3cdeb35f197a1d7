// Reads the environment once, validates it, and reports every problem in one message.
import { z } from 'zod';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.ts';
import { DEMO_VALUES, demoRaw, demoWanted } from './demo-setting.ts';

export { parseDatabaseUrl, type DatabaseTarget };

/** What one `npm start` process does: serve HTTP, run background jobs, or both. */
export type ProcessRole = 'all' | 'web' | 'worker';

export interface Config {
  /**
   * PROCESS_ROLE: `all` (default) serves the site and runs the job worker; `web` only serves;
   * `worker` only runs jobs (and answers /healthz, /readyz, /metrics on PORT).
   */
  role: ProcessRole;
  port: number;
  host: string;
  database: DatabaseTarget;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** LOG_LEVEL was set (the CLI logs only warnings unless it is). */
  logLevelSet: boolean;
  /** CHROMIUM_PATH: the Chromium that prints agency-report PDFs (ADR 0011). */
  chromiumPath: string;
  /**
   * LOG_FORMAT: `json` (one JSON object per line, for log collectors), `pretty` (one readable line,
   * for a person at a terminal) or `auto` (the default: pretty on a terminal outside production).
   */
  logFormat: 'json' | 'pretty' | 'auto';
  publicUrl: string;
  demo: boolean;
  /** Seconds a recompute waits after an agency's first new answer, so a burst shares one. */
  recomputeDelaySeconds: number;
  /** Apply pending migrations when a process opens the database. */
  migrateOnStart: boolean;
  nodeEnv: 'development' | 'production' | 'test';
  /** smtp:// or smtps:// URL; null keeps mail in the database outbox only (development, demo). */
  smtpUrl: string | null;
  mailFrom: string;
  /** PostgreSQL connection limits: a dead or stuck database costs a bounded wait, never a hang. */
  databaseLimits: DatabaseLimits;
  /** Job leases: a worker renews its jobs' lease while it runs them; a dead worker's expire. */
  jobLeaseSeconds: number;
  /** Agency-report PDFs rendered at once (each is a Chromium page). */
  pdfConcurrency: number;
  /**
   * SURVEY_SECRET: keys the survey state carried by respondents' browsers (AES-256-GCM) and the
   * daily network keys of the abuse counters (HMAC-SHA256). Never stored in the database. Null
   * outside production when unset: `surveySecretOf` then keeps a generated one in a file.
   */
  surveySecret: string | null;
  /** HMAC key for hashed client networks (sign-in limits); null: a fixed development key. */
  secretKey: string | null;
  /** METRICS_TOKEN: the bearer token /metrics asks for; null: /metrics is off (404). */
  metricsToken: string | null;
  /**
   * BACKUP_TOKEN: the bearer token POST /ops/backup asks for (the running server's backup, for
   * `itas backup` beside a server that owns the embedded database); null: no such endpoint (404).
   */
  backupToken: string | null;
  /**
   * TRUST_PROXY: the app is behind exactly one reverse proxy (TLS terminated there): the client
   * address is the last X-Forwarded-For entry (the one that proxy wrote) and the scheme its
   * X-Forwarded-Proto. Off: both come from the connection itself.
   */
  trustProxy: boolean;
}

export interface DatabaseLimits {
  poolSize: number;
  /** Longest one statement may run (server side: statement_timeout). */
  statementTimeoutMs: number;
  /** Longest a statement waits for a row or table lock (lock_timeout). */
  lockTimeoutMs: number;
  /** Longest to open a connection or wait for a free one in the pool. */
  connectTimeoutMs: number;
}

export const DATABASE_LIMIT_DEFAULTS: DatabaseLimits = {
  poolSize: 10,
  statementTimeoutMs: 60_000,
  lockTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const portSchema = z.coerce.number().int().min(1).max(65535);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const database = parseDatabaseUrl(env.DATABASE_URL);
  if (typeof database === 'string') problems.push(database);

  let port = 3000;
  if (env.PORT !== undefined && env.PORT !== '') {
    const parsed = portSchema.safeParse(env.PORT);
    if (parsed.success) port = parsed.data;
    else problems.push(`PORT: "${env.PORT}" is not a port number (1–65535)`);
  }

  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!levels.includes(logLevel)) problems.push(`LOG_LEVEL: must be one of ${levels.join(', ')}`);

  const logFormat = (env.LOG_FORMAT || 'auto') as Config['logFormat'];
  if (!['json', 'pretty', 'auto'].includes(logFormat))
    problems.push('LOG_FORMAT: must be json, pretty or auto');

  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv))
    problems.push('NODE_ENV: must be development, production or test');

  const role = (env.PROCESS_ROLE || 'all').toLowerCase() as ProcessRole;
  if (!['all', 'web', 'worker'].includes(role))
    problems.push(`PROCESS_ROLE: "${env.PROCESS_ROLE}" must be all, web or worker`);

  const host = env.HOST ?? '0.0.0.0';
  let publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  try {
    publicUrl = new URL(publicUrl).toString().replace(/\/$/, '');
  } catch {
    problems.push(`PUBLIC_URL: "${env.PUBLIC_URL}" is not a URL`);
  }

  if (!(DEMO_VALUES as readonly string[]).includes(demoRaw(env)))
    problems.push('DEMO: must be auto, on or off');
  const demo = demoWanted(env);

  // auto: the embedded database always migrates itself; PostgreSQL does too except in production,
  // where `itas migrate` is a deliberate release step.
  let recomputeDelaySeconds = 3;
  if (env.RECOMPUTE_DELAY_SECONDS !== undefined && env.RECOMPUTE_DELAY_SECONDS !== '') {
    const v = Number(env.RECOMPUTE_DELAY_SECONDS);
    if (Number.isFinite(v) && v >= 0 && v <= 3600) recomputeDelaySeconds = v;
    else problems.push('RECOMPUTE_DELAY_SECONDS: must be a number of seconds from 0 to 3600');
  }

  const migrateRaw = (env.MIGRATE_ON_START ?? 'auto').toLowerCase();
  if (!['auto', 'on', 'off'].includes(migrateRaw))
    problems.push('MIGRATE_ON_START: must be auto, on or off');

  let smtpUrl: string | null = null;
  if (env.SMTP_URL) {
    try {
      const u = new URL(env.SMTP_URL);
      if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error('protocol');
      smtpUrl = env.SMTP_URL;
    } catch {
      problems.push(
        'SMTP_URL: must look like smtp://user:pass@host:587 or smtps://user:pass@host:465',
      );
    }
  }
  const mailFrom = env.MAIL_FROM?.trim() || 'Open ITAS <no-reply@localhost>';
  if (!/@/.test(mailFrom)) problems.push(`MAIL_FROM: "${env.MAIL_FROM}" has no e-mail address`);

  // Whole numbers in a range; a bad value is reported by name with the others.
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    problems.push(`${name}: "${raw}" must be a whole number from ${min} to ${max}`);
    return fallback;
  };
  const d = DATABASE_LIMIT_DEFAULTS;
  const databaseLimits: DatabaseLimits = {
    poolSize: whole('DATABASE_POOL_SIZE', d.poolSize, 1, 1000),
    statementTimeoutMs: whole(
      'DATABASE_STATEMENT_TIMEOUT_MS',
      d.statementTimeoutMs,
      100,
      3_600_000,
    ),
    lockTimeoutMs: whole('DATABASE_LOCK_TIMEOUT_MS', d.lockTimeoutMs, 100, 3_600_000),
    connectTimeoutMs: whole('DATABASE_CONNECT_TIMEOUT_MS', d.connectTimeoutMs, 100, 600_000),
  };
  const jobLeaseSeconds = whole('JOB_LEASE_SECONDS', 15, 3, 3600);
  const pdfConcurrency = whole('PDF_CONCURRENCY', 2, 1, 16);
  // The survey secret is what makes a counter key irreversible to someone holding the database:
  // production must set a real one; development and tests fall back to a file (surveySecretOf).
  const surveySecret = env.SURVEY_SECRET?.trim() || null;
  if (surveySecret !== null && surveySecret.length < 32)
    problems.push('SURVEY_SECRET: must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  else if (surveySecret === null && nodeEnv === 'production')
    problems.push(
      'SURVEY_SECRET: required in production (at least 32 random characters, e.g. `openssl rand -base64 32`)',
    );
  const secretKey = env.SECRET_KEY || null;
  if (secretKey !== null && secretKey.length < 32)
    problems.push('SECRET_KEY: must be at least 32 characters (e.g. openssl rand -base64 32)');

  const trustProxy = proxyTrustFrom(env);
  if (typeof trustProxy === 'string') problems.push(trustProxy);

  const metricsToken = env.METRICS_TOKEN?.trim() || null;
  if (metricsToken !== null && (metricsToken.length < 32 || /\s/.test(metricsToken)))
    problems.push(
      'METRICS_TOKEN: must be at least 32 characters without spaces (e.g. `openssl rand -hex 32`)',
    );

  // Its holder can read the whole database (password hashes, audit log): never the metrics token,
  // which sits in Prometheus's configuration.
  const backupToken = env.BACKUP_TOKEN?.trim() || null;
  if (backupToken !== null && (backupToken.length < 32 || /\s/.test(backupToken)))
    problems.push(
      'BACKUP_TOKEN: must be at least 32 characters without spaces (e.g. `openssl rand -hex 32`)',
    );
  else if (backupToken !== null && backupToken === metricsToken)
    problems.push('BACKUP_TOKEN: must differ from METRICS_TOKEN');

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    role,
    port,
    host,
    database: database as DatabaseTarget,
    logLevel,
    logLevelSet: env.LOG_LEVEL !== undefined && env.LOG_LEVEL !== '',
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    logFormat,
    publicUrl,
    demo,
    recomputeDelaySeconds,
    migrateOnStart:
      migrateRaw === 'on' ||
      (migrateRaw === 'auto' &&
        ((database as DatabaseTarget).kind === 'pglite' || nodeEnv !== 'production')),
    nodeEnv,
    smtpUrl,
    mailFrom,
    databaseLimits,
    jobLeaseSeconds,
    pdfConcurrency,
    surveySecret,
    secretKey,
    metricsToken,
    backupToken,
    trustProxy: trustProxy === true,
  };
}

/**
 * TRUST_PROXY (or its older name SURVEY_TRUST_PROXY): on when the app is reached only through
 * one reverse proxy; a value that is neither on nor off is a problem named in the message.
 */
export function proxyTrustFrom(env: NodeJS.ProcessEnv = process.env): boolean | string {
  const name =
    env.TRUST_PROXY !== undefined && env.TRUST_PROXY !== '' ? 'TRUST_PROXY' : 'SURVEY_TRUST_PROXY';
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (['', 'off', 'false', '0', 'no'].includes(raw)) return false;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  return `${name}: "${env[name]}" must be on (behind one trusted proxy) or off`;
}
