// Whether a start loads the demo, decided once under one lock: a demo another start left half
// loaded is reported and never served or deleted (it may sit beside data that is not the demo's;
// the operator decides), an empty database gets the demo, marked from before its first statement
// to after its last, and anything else is left as it is. docs/demo.md.
import { countAgencies } from '../storage/agency.repository.ts';
import {
  clearDemoLoadingRow,
  demoLoadingSince,
  holdDemoLock,
  markDemoLoadingRow,
} from '../storage/demo-loading.repository.ts';
import type { ServiceContext } from './service-options.ts';

export type DemoStart<T> =
  /** A demo began loading at `since` and never finished: nothing was loaded or touched. */
  | { kind: 'unfinished'; since: Date }
  /** No demo asked for (DEMO=off). */
  | { kind: 'off' }
  /** The database holds agencies already (a loaded demo, or real data). */
  | { kind: 'present' }
  | { kind: 'loaded'; value: T };

export function createDemoLoadingService({ db, clock }: Pick<ServiceContext, 'db' | 'clock'>) {
  /** Runs `load` marked from before its first statement to after its last (folder, then row). */
  async function loadMarked<T>(
    load: () => Promise<T>,
    markFolder: () => () => void,
  ): Promise<DemoStart<T>> {
    const folderLoaded = markFolder();
    // Its own statement, committed before the demo's first: a stop from here on leaves it.
    await markDemoLoadingRow(db, clock());
    const value = await load();
    await clearDemoLoadingRow(db);
    folderLoaded();
    return { kind: 'loaded', value };
  }

  return {
    /**
     * Loads the demo with `load` (null: DEMO=off) into an empty database. On PostgreSQL every
     * start on the database waits its turn here, so a start never mistakes another's load in
     * progress for an unfinished one, and two never load it at once. `markFolder` marks the
     * embedded folder around the row (unfinished-demo.ts), so the folder's marker covers it.
     */
    async loadIfEmpty<T>(
      load: (() => Promise<T>) | null,
      markFolder: () => () => void = () => () => {},
    ): Promise<DemoStart<T>> {
      const release = await holdDemoLock(db);
      try {
        const since = await demoLoadingSince(db);
        if (since) return { kind: 'unfinished', since };
        if (!load) return { kind: 'off' };
        if ((await countAgencies(db)) > 0) return { kind: 'present' };
        return await loadMarked(load, markFolder);
      } finally {
        await release?.();
      }
    },

    /**
     * The rest of a demo whose undated part came with the database (the build's demo database,
     * ADR 0033): `load` runs the dated part, marked like a whole load, so a stop before it ends
     * leaves the folder to be emptied at the next start.
     */
    async finishBuiltDemo<T>(
      load: () => Promise<T>,
      markFolder: () => () => void,
    ): Promise<DemoStart<T>> {
      const release = await holdDemoLock(db);
      try {
        return await loadMarked(load, markFolder);
      } finally {
        await release?.();
      }
    },
  };
}

export type DemoLoadingService = ReturnType<typeof createDemoLoadingService>;
