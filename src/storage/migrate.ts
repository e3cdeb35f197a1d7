// Runs the static migration list against any target, reporting what was applied.
import { Migrator, sql } from 'kysely';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

export interface MigrateReport {
  applied: string[];
}

/**
 * A database that lacks migrations this version needs (production PostgreSQL is migrated by
 * `itas migrate`, docs/operations.md): refused at start rather than served until a page reaches
 * a table or column that is not there.
 */
export class DatabaseBehind extends Error {
  constructor(readonly pending: string[]) {
    super(
      `the database lacks ${pending.length} migration(s), from ${pending[0]}: run itas migrate`,
    );
    this.name = 'DatabaseBehind';
  }
}

/**
 * The migrations of this version not applied to the database, oldest first (all of them on a
 * database never migrated). Migrations applied that this version does not know are not counted:
 * an older version runs on a newer schema after a rollback (docs/operations.md).
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  // Two small reads, not Migrator.getMigrations(), which introspects every table to learn
  // whether its own exists: this runs at every start of every process.
  const { rows } = await sql<{
    present: boolean;
  }>`select to_regclass('kysely_migration') is not null as present`.execute(db);
  const applied = rows[0]?.present
    ? new Set(
        (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map(
          (r) => r.name,
        ),
      )
    : new Set<string>();
  return Object.keys(migrations)
    .sort()
    .filter((name) => !applied.has(name));
}

export async function migrateToLatest(db: Db): Promise<MigrateReport> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
