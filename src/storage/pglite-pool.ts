// Lets Kysely's own PostgresDialect drive PGlite: a one-connection "pool" whose connect()
// waits its turn, so a transaction never interleaves with another caller's statements.
import type { PGlite } from '@electric-sql/pglite';

interface PoolClient {
  query(
    sql: string,
    params: readonly unknown[],
  ): Promise<{ command: string; rowCount: number; rows: unknown[] }>;
  release(): void;
}

/** `onClosed` runs once the engine has closed (releases the folder's lock). */
export function createPgliteSinglePool(pg: PGlite, onClosed: () => void = () => {}) {
  let tail: Promise<void> = Promise.resolve();

  async function connect(): Promise<PoolClient> {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return {
      async query(sql, params) {
        const result = await pg.query(sql, params as unknown[]);
        // pg reports the statement's command; PGlite does not, and Kysely only needs it to
        // know when affected-row counts apply.
        const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
        return { command, rowCount: result.affectedRows ?? 0, rows: result.rows };
      },
      release: () => release(),
    };
  }

  return {
    connect,
    end: async () => {
      await tail;
      try {
        await pg.close();
      } finally {
        onClosed();
      }
    },
  };
}
