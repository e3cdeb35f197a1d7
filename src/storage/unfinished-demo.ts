// A first start's demo is many service calls, each its own transaction. Stopped half way (Ctrl-C
// while it loads, a kill, a crash), the embedded database would hold part of it, and the next
// start, finding agencies, would take the demo for loaded and show a broken showroom for good.
// So a file in the data folder says the demo is loading, and is removed once it has loaded; a
// start that finds it empties the folder first, under the folder's lock. The folder held nothing
// else: the demo only loads into an empty database, and every start since would have emptied it.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseTarget } from '../config.ts';
import { LOCK_FILE } from './pglite-lock.ts';

export const DEMO_LOADING_FILE = 'open-itas.demo-loading';

/**
 * Marks an embedded data folder as taking the demo; returns what to call once the demo has
 * loaded. PostgreSQL has no folder of ours: nothing is marked there.
 */
export function markDemoLoading(target: DatabaseTarget): () => void {
  if (target.kind !== 'pglite' || !target.dataDir) return () => {};
  const file = join(target.dataDir, DEMO_LOADING_FILE);
  writeFileSync(file, 'The demo was loading. Open ITAS empties this folder at its next start.\n');
  return () => rmSync(file, { force: true });
}

/**
 * Under the folder's lock, before the database opens: when a demo was left loading, removes
 * everything in the folder but the lock. True when it did.
 */
export function discardUnfinishedDemo(dataDir: string): boolean {
  const entries = readdirSync(dataDir);
  if (!entries.includes(DEMO_LOADING_FILE)) return false;
  // The marker last, so a removal stopped half way is done again by the next start.
  for (const name of entries)
    if (name !== LOCK_FILE && name !== DEMO_LOADING_FILE)
      rmSync(join(dataDir, name), { recursive: true, force: true });
  rmSync(join(dataDir, DEMO_LOADING_FILE), { force: true });
  return true;
}
