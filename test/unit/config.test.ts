import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('defaults to PGlite in ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './data' });
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
    const prod = { DATABASE_URL: 'postgres://u@h/d', NODE_ENV: 'production' };
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
});
