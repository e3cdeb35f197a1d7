// Reads and writes imported framework files, and tells whether a year using one has started.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface StoredFrameworkRow {
  id: string;
  version: number;
  fiscalYear: number;
  json: string;
  checksum: string;
  importedBy: string;
  importedAt: Date;
}

const columns = [
  'id',
  'version',
  'fiscal_year as fiscalYear',
  'json',
  'checksum',
  'imported_by as importedBy',
  'imported_at as importedAt',
] as const;

export async function findStoredFramework(
  db: Db,
  id: string,
): Promise<StoredFrameworkRow | undefined> {
  return db.selectFrom('frameworks').select(columns).where('id', '=', id).executeTakeFirst();
}

/** Only the checksum: a process compares it with the definition it holds. */
export async function storedFrameworkChecksum(db: Db, id: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('frameworks')
    .select('checksum')
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.checksum;
}

export async function listStoredFrameworks(db: Db): Promise<StoredFrameworkRow[]> {
  return db.selectFrom('frameworks').select(columns).orderBy('fiscal_year').orderBy('id').execute();
}

/** Inserts a framework, or replaces the row of its id. */
export async function saveStoredFramework(
  db: Db,
  row: Omit<StoredFrameworkRow, 'importedAt'> & { importedAt: Date },
): Promise<void> {
  const values = {
    id: row.id,
    version: row.version,
    fiscal_year: row.fiscalYear,
    json: row.json,
    checksum: row.checksum,
    imported_by: row.importedBy,
    imported_at: row.importedAt,
  };
  await db
    .insertInto('frameworks')
    .values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export interface FrameworkUse {
  fiscalYear: number;
  /** The year has an answer or an OIT entry: its framework may no longer change. */
  started: boolean;
}

/** The years created on each framework id, and whether each has started. */
export async function frameworkUses(db: Db): Promise<Map<string, FrameworkUse[]>> {
  const rows = await db
    .selectFrom('assessment_years as y')
    .select([
      'y.framework_id as frameworkId',
      'y.fiscal_year as fiscalYear',
      sql<boolean>`exists (select 1 from responses r where r.fiscal_year = y.fiscal_year)
        or exists (select 1 from oit_entries o where o.fiscal_year = y.fiscal_year)`.as('started'),
    ])
    .orderBy('y.fiscal_year')
    .execute();
  const uses = new Map<string, FrameworkUse[]>();
  for (const r of rows) {
    const list = uses.get(r.frameworkId) ?? [];
    list.push({ fiscalYear: r.fiscalYear, started: Boolean(r.started) });
    uses.set(r.frameworkId, list);
  }
  return uses;
}
