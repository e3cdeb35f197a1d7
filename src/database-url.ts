// DATABASE_URL on its own, without the rest of the configuration's validation: bin/start.js
// reads it before the server's modules load, to begin a first start's copy of the empty
// database early (storage/empty-database-prefetch.ts).

export type DatabaseTarget =
  { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

/** Parses DATABASE_URL: unset → ./data, `file:<dir>`, `memory:`, or `postgres://…`. */
export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget | string {
  if (raw === undefined || raw.trim() === '') return { kind: 'pglite', dataDir: './data' };
  if (raw === 'memory:') return { kind: 'pglite', dataDir: null };
  if (raw.startsWith('file:')) {
    const dir = raw.slice('file:'.length);
    return dir
      ? { kind: 'pglite', dataDir: dir }
      : 'DATABASE_URL: file: needs a folder, e.g. file:./data';
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      const u = new URL(raw);
      if (!u.hostname) return 'DATABASE_URL: the PostgreSQL URL has no host';
      return { kind: 'postgres', url: raw };
    } catch {
      return 'DATABASE_URL: not a valid PostgreSQL URL (postgres://user@host:5432/db)';
    }
  }
  return `DATABASE_URL: "${raw}" is not understood; use postgres://…, file:<folder>, memory: or leave it unset`;
}
