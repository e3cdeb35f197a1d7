// COPY … FROM STDIN over a plain `pg` client without pg-copy-streams: a submittable query that
// answers the server's CopyInResponse with the given chunks, then CopyDone. Resolves with the
// number of rows the server reports.
import type pg from 'pg';

interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

export function copyFrom(
  client: pg.Client | pg.PoolClient,
  text: string,
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failed: Error | undefined;
    const query = {
      text,
      // pg wraps this to clear its read timeout (query_timeout): it must be called once.
      callback: undefined as ((err: Error | null, res?: unknown) => void) | undefined,
      submit(connection: Connection) {
        connection.query(text);
      },
      handleCopyInResponse(connection: Connection) {
        void (async () => {
          try {
            for await (const c of chunks) {
              connection.sendCopyFromChunk(typeof c === 'string' ? Buffer.from(c) : c);
              // Let the socket drain now and then, so a large file never sits in memory.
              await new Promise((r) => setImmediate(r));
            }
            connection.endCopyFrom();
          } catch (e) {
            connection.sendCopyFail(e instanceof Error ? e.message : String(e));
          }
        })();
      },
      handleCommandComplete(msg: { text: string }) {
        rows = Number(/(\d+)$/.exec(msg.text)?.[1] ?? 0);
      },
      handleReadyForQuery() {
        query.callback?.(failed ?? null);
        if (failed) reject(failed);
        else resolve(rows);
      },
      // The client forgets the query on an error (no readyForQuery reaches it): settle now.
      handleError(e: Error) {
        failed = e;
        query.callback?.(e);
        reject(e);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    (client as unknown as { query(q: unknown): void }).query(query);
  });
}
