// Opens the database for a process: migrates PGlite on start, loads reference lists.
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './storage/database.ts';
import { migrateToLatest } from './storage/migrate.ts';
import { ensureReferenceData } from './storage/reference.repository.ts';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { app: 'open-itas' } });
}

export async function openReadyDatabase(
  config: Config,
  log: Logger,
  opts: { migrate?: boolean; onApplied?: (names: string[]) => void } = {},
): Promise<Db> {
  const db = await openDatabase(config.database);
  // PostgreSQL in production is migrated by `itas migrate`; the embedded database migrates itself.
  if (opts.migrate ?? config.database.kind === 'pglite') {
    const { applied } = await migrateToLatest(db);
    if (applied.length) log.info({ applied }, 'migrations applied');
    opts.onApplied?.(applied);
  }
  await ensureReferenceData(db);
  return db;
}
