// Group commit: each caller hands in one item and awaits its own result, but while a write is in
// flight the items of every other caller wait and go together in the next write. At peak load
// (an office answering after a meeting, a national deadline) one statement then carries dozens
// of submissions, so the database does one commit for them instead of one each. A caller is
// answered only after the write holding its item has committed: nothing is acknowledged early.
// This batches within one process; several processes simply each batch their own callers.
// With `maxInFlight` above 1, a write whose stages are ordered by the caller (say, admission
// one batch at a time, then storage) can start the next batch while the last one finishes.

export interface GroupCommitOptions {
  /** Most items in one write (keeps one statement's parameters and locks bounded). */
  maxBatch?: number;
  /**
   * When a whole batch fails, retry its items one by one so a single bad item fails alone
   * instead of taking its neighbours with it.
   */
  isolateFailures?: boolean;
  /** Writes allowed in flight at once (1: each waits for the one before it). */
  maxInFlight?: number;
}

export type GroupCommit<I, O> = (item: I) => Promise<O>;

/** `write` gets the items in arrival order and returns one result per item, in the same order. */
export function createGroupCommit<I, O>(
  write: (items: I[]) => Promise<O[]>,
  opts: GroupCommitOptions = {},
): GroupCommit<I, O> {
  const maxBatch = opts.maxBatch ?? 500;
  const maxInFlight = opts.maxInFlight ?? 1;
  type Waiter = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: Waiter[] = [];
  let flushing = false;
  let inFlight = 0;
  let slotFreed: (() => void) | undefined;

  async function writeBatch(batch: Waiter[]): Promise<void> {
    try {
      const out = await write(batch.map((w) => w.item));
      if (out.length !== batch.length)
        throw new Error(`group commit: ${out.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(out[i]!));
    } catch (e) {
      if (!opts.isolateFailures || batch.length === 1) {
        for (const w of batch) w.reject(e);
        return;
      }
      for (const w of batch) await writeBatch([w]);
    }
  }

  async function flush(): Promise<void> {
    flushing = true;
    while (queue.length > 0) {
      // One turn of the event loop first: requests already read from their sockets join
      // this batch instead of the next one.
      await new Promise((r) => setImmediate(r));
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      inFlight++;
      const done = writeBatch(batch).finally(() => {
        inFlight--;
        slotFreed?.();
      });
      // Whoever arrives meanwhile waits for a free slot, and so joins a bigger next batch.
      if (maxInFlight === 1) await done;
      else
        while (inFlight >= maxInFlight)
          await new Promise<void>((r) => {
            slotFreed = r;
          });
    }
    flushing = false;
  }

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!flushing) void flush();
    });
}
