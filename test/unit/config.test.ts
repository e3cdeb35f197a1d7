import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prettyLogLine } from '../../src/bootstrap.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { surveySecretOf } from '../../src/config-survey.ts';

describe('config', () => {
  it('defaults to PGlite in ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './data' });
  });

  it('logs one readable line per request on a terminal, JSON for collectors (LOG_FORMAT)', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    const at = Date.UTC(2026, 11, 2, 3, 4, 5);
    expect(
      prettyLogLine(
        JSON.stringify({
          level: 30,
          time: at,
          app: 'open-itas',
          requestId: 'x',
          method: 'GET',
          path: '/',
          status: 200,
          ms: 7,
          msg: 'request',
        }),
      ),
    ).toBe('10:04:05 INFO  GET / 200 7 ms\n');
    expect(
      prettyLogLine(
        JSON.stringify({ level: 40, time: at, app: 'open-itas', port: 3000, msg: 'slow' }),
      ),
    ).toBe('10:04:05 WARN  slow port=3000\n');
  });

  it('runs as web, worker or both (PROCESS_ROLE), both by default', () => {
    expect(loadConfig({}).role).toBe('all');
    expect(loadConfig({ PROCESS_ROLE: 'web' }).role).toBe('web');
    expect(loadConfig({ PROCESS_ROLE: 'Worker' }).role).toBe('worker');
    expect(() => loadConfig({ PROCESS_ROLE: 'cron' })).toThrow(/PROCESS_ROLE: "cron"/);
  });

  it('turns /metrics on with a METRICS_TOKEN of at least 32 characters', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe('m'.repeat(32));
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it("turns the running server's backup on with a BACKUP_TOKEN of 32+ characters, not the metrics one", () => {
    expect(loadConfig({}).backupToken).toBeNull();
    expect(loadConfig({ BACKUP_TOKEN: 'b'.repeat(32) }).backupToken).toBe('b'.repeat(32));
    expect(() => loadConfig({ BACKUP_TOKEN: 'b'.repeat(31) })).toThrow(/BACKUP_TOKEN/);
    expect(() => loadConfig({ BACKUP_TOKEN: `${'b'.repeat(32)} x` })).toThrow(/BACKUP_TOKEN/);
    expect(() =>
      loadConfig({ BACKUP_TOKEN: 'm'.repeat(32), METRICS_TOKEN: 'm'.repeat(32) }),
    ).toThrow(/BACKUP_TOKEN: must differ from METRICS_TOKEN/);
  });

  it('trusts one proxy with TRUST_PROXY (or its older name SURVEY_TRUST_PROXY), off by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(loadConfig({ SURVEY_TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'off', SURVEY_TRUST_PROXY: 'on' }).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: '2' })).toThrow(/TRUST_PROXY: "2" must be on/);
  });

  it('understands memory:, file: and postgres:// URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'memory:' }).database).toEqual({
      kind: 'pglite',
      dataDir: null,
    });
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x' }).database).toEqual({
      kind: 'pglite',
      dataDir: '/tmp/x',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).database.kind).toBe('postgres');
  });

  it('lists every problem at once, naming each variable', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: '99999' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as ConfigError).message;
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('PORT');
      expect((e as ConfigError).problems).toHaveLength(2);
    }
  });

  it('migrates at start on PGlite always, and on PostgreSQL except in production', () => {
    expect(loadConfig({}).migrateOnStart).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/d' }).migrateOnStart).toBe(true);
    const prod = {
      DATABASE_URL: 'postgres://u@h/d',
      NODE_ENV: 'production',
      SURVEY_SECRET: 'a'.repeat(32),
    };
    expect(loadConfig(prod).migrateOnStart).toBe(false);
    expect(loadConfig({ ...prod, MIGRATE_ON_START: 'on' }).migrateOnStart).toBe(true);
    expect(() => loadConfig({ MIGRATE_ON_START: 'maybe' })).toThrow(/MIGRATE_ON_START/);
  });

  it('reads database timeouts, job lease and PDF concurrency, naming a bad value', () => {
    const c = loadConfig({
      DATABASE_STATEMENT_TIMEOUT_MS: '15000',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      JOB_LEASE_SECONDS: '20',
      PDF_CONCURRENCY: '3',
    });
    expect(c.databaseLimits).toMatchObject({
      statementTimeoutMs: 15000,
      connectTimeoutMs: 2000,
      lockTimeoutMs: 10000,
      poolSize: 10,
    });
    expect(c.jobLeaseSeconds).toBe(20);
    expect(c.pdfConcurrency).toBe(3);
    expect(() => loadConfig({ DATABASE_LOCK_TIMEOUT_MS: 'soon' })).toThrow(
      /DATABASE_LOCK_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('requires a real survey secret in production, and never invents one there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SURVEY_SECRET: required/);
    expect(() => loadConfig({ NODE_ENV: 'production', SURVEY_SECRET: 'short' })).toThrow(
      /SURVEY_SECRET: must be at least 32/,
    );
    expect(loadConfig({ NODE_ENV: 'production', SURVEY_SECRET: 'x'.repeat(40) }).surveySecret).toBe(
      'x'.repeat(40),
    );
    expect(loadConfig({}).surveySecret).toBeNull();
  });

  it('keeps a generated development secret in a file, the same for every later start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itas-secret-'));
    const file = join(dir, '.itas-survey-secret');
    const first = surveySecretOf({ surveySecret: null }, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(surveySecretOf({ surveySecret: null }, file)).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(surveySecretOf({ surveySecret: 'y'.repeat(32) }, file)).toBe('y'.repeat(32));
    rmSync(dir, { recursive: true });
  });
});
