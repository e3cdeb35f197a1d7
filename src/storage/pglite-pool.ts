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
  // For /metrics: callers holding or waiting for the one connection.
  let inQueue = 0;

  async function connect(): Promise<PoolClient> {
    let release!: () => void;
    const previous = tail;
    let released = false;
    tail = new Promise<void>((resolve) => {
      release = () => {
        if (released) return;
        released = true;
        inQueue--;
        resolve();
      };
    });
    inQueue++;
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
    stats: () => ({ busy: inQueue > 0, waiting: Math.max(0, inQueue - 1) }),
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
