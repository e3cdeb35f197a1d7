// Catalogue reads and the two generic statements behind `itas backup` / `itas restore`: every
// table is read as JSON rows (row_to_json, through a cursor, inside one snapshot) and written back
// with json_populate_recordset, so the same code serves PGlite and PostgreSQL and needs no
// per-table mapping. Table order follows the foreign keys (parents first).
import { sql } from 'kysely';
import type { Db } from './database.ts';

/** Kysely's own bookkeeping: a restore keeps the target's (it is migrated already). */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface TableInfo {
  name: string;
  /** Columns that can be written (generated columns are left out), in table order. */
  columns: string[];
  /** Identity columns, whose sequences are moved past the restored values. */
  identity: string[];
}

/** The application's tables, parents before children. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' order by c.relname`.execute(db);
  const { rows: fks } = await sql<{ child: string; parent: string }>`
    select cl.relname as child, pc.relname as parent from pg_constraint co
      join pg_class cl on cl.oid = co.conrelid join pg_class pc on pc.oid = co.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
    where co.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const { rows: cols } = await sql<{
    table_name: string;
    column_name: string;
    is_identity: string;
    is_generated: string;
  }>`select table_name, column_name, is_identity, is_generated from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const names = tables.map((t) => t.name).filter((n) => !MIGRATION_TABLES.has(n));
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const fk of fks) if (fk.child !== fk.parent) parents.get(fk.child)?.add(fk.parent);
  const ordered: string[] = [];
  const done = new Set<string>();
  const visit = (n: string, path: Set<string>) => {
    if (done.has(n) || path.has(n)) return;
    path.add(n);
    for (const p of [...(parents.get(n) ?? [])].sort()) visit(p, path);
    path.delete(n);
    done.add(n);
    ordered.push(n);
  };
  for (const n of names) visit(n, new Set());
  return ordered.map((name) => {
    const mine = cols.filter((c) => c.table_name === name);
    return {
      name,
      columns: mine.filter((c) => c.is_generated !== 'ALWAYS').map((c) => c.column_name),
      identity: mine.filter((c) => c.is_identity === 'YES').map((c) => c.column_name),
    };
  });
}

/** Names of the migrations applied to this database, in order. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Rows per table (exact counts; a restore checks the target holds nothing). */
export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Every row of a table as JSON text, a batch at a time, through a cursor (memory stays flat for
 * 1.3 million responses). Must run inside a transaction: the caller's snapshot.
 */
export async function* readTable(db: Db, table: string, batch = 2000): AsyncGenerator<string[]> {
  await sql`declare itas_backup_rows no scroll cursor for
    select row_to_json(t)::text as j from ${sql.table(table)} t`.execute(db);
  try {
    for (;;) {
      const { rows } = await sql<{ j: string }>`
        fetch forward ${sql.raw(String(batch))} from itas_backup_rows`.execute(db);
      if (rows.length === 0) return;
      yield rows.map((r) => r.j);
    }
  } finally {
    await sql`close itas_backup_rows`.execute(db);
  }
}

/** Writes JSON rows into a table; columns absent from the rows take their defaults. */
export async function writeRows(
  db: Db,
  table: TableInfo,
  columns: string[],
  rowsJson: string[],
): Promise<void> {
  if (rowsJson.length === 0) return;
  const cols = sql.join(columns.map((c) => sql.id(c)));
  await sql`insert into ${sql.table(table.name)} (${cols}) overriding system value
    select ${cols} from json_populate_recordset(null::${sql.table(table.name)},
      ${`[${rowsJson.join(',')}]`}::json)`.execute(db);
}

/** Moves identity sequences past the restored ids, so new rows never collide. */
export async function resetIdentities(db: Db, table: TableInfo): Promise<void> {
  for (const column of table.identity)
    await sql`select setval(pg_get_serial_sequence(${table.name}, ${column}),
      coalesce((select max(${sql.id(column)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(
      db,
    );
}

/** Empties a table (reference data the target's start-up wrote, before a restore replaces it). */
export async function emptyTable(db: Db, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}
