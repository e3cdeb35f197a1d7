// Opens the database for a process: migrates it when configured to, loads reference lists.
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { errorForLog, scrubMessage } from './domain/log-safety.ts';
import { openDatabase, type Db } from './storage/database.ts';
import { migrateToLatest } from './storage/migrate.ts';
import { ensureReferenceData } from './storage/reference.repository.ts';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  // Every `err` logged goes through errorForLog: no query parameters, no values (ADR 0007).
  return pino({
    level: config.logLevel,
    base: { app: 'open-itas' },
    serializers: { err: errorForLog },
  });
}

export async function openReadyDatabase(
  config: Config,
  log: Logger,
  opts: { migrate?: boolean; onApplied?: (names: string[]) => void } = {},
): Promise<Db> {
  const db = await openDatabase(config.database, {
    limits: config.databaseLimits,
    // A lost idle connection is replaced on next use; worth a line in the log, not a crash.
    onConnectionError: (err) =>
      log.warn({ reason: scrubMessage(err.message) }, 'database connection lost'),
  });
  // Production PostgreSQL is migrated by `itas migrate` (see MIGRATE_ON_START in config.ts).
  if (opts.migrate ?? config.migrateOnStart) {
    const { applied } = await migrateToLatest(db);
    if (applied.length) log.info({ applied }, 'migrations applied');
    opts.onApplied?.(applied);
  }
  await ensureReferenceData(db);
  return db;
}
