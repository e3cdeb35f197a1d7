// A first start's copy of the build's empty database (ADR 0027), or with the demo of its demo
// database (ADR 0033), begun before the server's modules load. Copying its ~600 files (ADR 0035)
// costs about half a second, nearly all of it the file system's per-file work, and the server's
// modules take about as long to load on the main thread; so bin/start.js begins the copy in a worker thread, on the other core, into a folder of
// its own inside the data folder. Under the data folder's lock, the server then moves the copied
// entries into place (renames, PG_VERSION last) instead of copying: see copyBuiltDatabase.
// Whatever goes wrong here (no empty database, a folder that cannot be written, a copy that
// failed, a rename refused) only means the server copies the slow way, as before.
//
// Kept free of the server's other modules: bin/start.js loads it (dist/prestart.js) first.
import { existsSync, readdirSync, renameSync, rmSync, rmdirSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseDatabaseUrl } from '../database-url.ts';
import { demoWanted } from '../demo-setting.ts';
import { alive } from './pglite-lock.ts';
import { DEMO_LOADING_FILE } from './unfinished-demo.ts';

/** Where the build writes the empty database (dist/, beside the compiled server). */
export const EMPTY_DATABASE_DIR = fileURLToPath(
  new URL('../../dist/empty-database', import.meta.url),
);

/** The empty database with the demo's undated part, made by the build too (ADR 0033). */
export const DEMO_DATABASE_DIR = fileURLToPath(
  new URL('../../dist/demo-database', import.meta.url),
);

/** A copy under way: made by one bundle (dist/prestart.js), taken by another (dist/main.js). */
interface Prefetch {
  /** What is being copied: the empty database or the demo's. */
  from: string;
  dataDir: string;
  staging: string;
  done: Promise<boolean>;
}

// The two bundles are separate module instances: the copy under way is handed over here.
const KEY = Symbol.for('open-itas.empty-database-prefetch');
const slot = globalThis as unknown as { [KEY]?: Prefetch };

const STAGING = /^\.open-itas-empty-(\d+)$/;

// Plain CommonJS, evaluated in the worker: removes the staging folders that dead processes left,
// then copies. cpSync there is the same call the slow way makes here.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { cpSync, rmSync } = require('node:fs');
for (const d of workerData.stale) rmSync(d, { recursive: true, force: true });
if (workerData.from) cpSync(workerData.from, workerData.to, { recursive: true });
parentPort.postMessage(true);
`;

/**
 * Begins copying `from` (an empty database) into a folder of this process inside `dataDir`, when
 * `dataDir` holds no database yet (no PG_VERSION) and is not a demo left loading. Staging folders
 * that dead processes left behind are removed either way. Returns at once: the worker's outcome,
 * or undefined when there is nothing to do.
 */
export function prefetchDatabase(from: string, dataDir: string): Promise<boolean> | undefined {
  if (slot[KEY]) return undefined;
  let entries: string[];
  try {
    entries = existsSync(dataDir) ? readdirSync(dataDir) : [];
  } catch {
    return undefined;
  }
  const stale = entries
    .filter((n) => {
      const pid = Number(STAGING.exec(n)?.[1] ?? NaN);
      return Number.isFinite(pid) && (pid === process.pid || !alive(pid));
    })
    .map((n) => join(dataDir, n));
  const wanted =
    !entries.includes('PG_VERSION') &&
    !entries.includes(DEMO_LOADING_FILE) &&
    existsSync(join(from, 'PG_VERSION'));
  if (!wanted && stale.length === 0) return undefined;
  const staging = join(dataDir, `.open-itas-empty-${process.pid}`);
  let worker: Worker;
  try {
    if (wanted) mkdirSync(dataDir, { recursive: true });
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { stale, ...(wanted && { from, to: staging }) },
    });
  } catch {
    return undefined;
  }
  // Never what keeps the process alive: a process that ends first leaves a staging folder that
  // the next start removes (above).
  worker.unref();
  const done = new Promise<boolean>((settle) => {
    worker.once('message', () => settle(true));
    worker.once('error', () => settle(false));
    worker.once('exit', () => settle(false));
  });
  if (wanted) slot[KEY] = { from, dataDir: resolve(dataDir), staging, done };
  return done;
}

/**
 * bin/start.js: the prefetch for the embedded folder DATABASE_URL names, if it is one: of the
 * build's demo database when DEMO asks for the demo (read as config.ts reads it), else of the
 * empty one.
 */
export function prefetchForStart(env: NodeJS.ProcessEnv = process.env): void {
  const target = parseDatabaseUrl(env.DATABASE_URL);
  if (typeof target === 'string' || target.kind !== 'pglite' || !target.dataDir) return;
  void prefetchDatabase(builtDatabaseFor(demoWanted(env)), target.dataDir);
}

/** The build's database a first start copies: the demo's when wanted and made, else the empty. */
export function builtDatabaseFor(demo: boolean): string {
  return demo && existsSync(join(DEMO_DATABASE_DIR, 'PG_VERSION'))
    ? DEMO_DATABASE_DIR
    : EMPTY_DATABASE_DIR;
}

/**
 * Under `dataDir`'s lock, with no database in it: moves the prefetched copy into place, PG_VERSION
 * last (so a move stopped half way is never taken for a database). False when there was no
 * prefetch for this folder or it failed; its staging folder is then removed, and the caller
 * copies as it would have.
 */
export async function takePrefetchedDatabase(dataDir: string, from: string): Promise<boolean> {
  const p = slot[KEY];
  if (!p || p.dataDir !== resolve(dataDir)) return false;
  delete slot[KEY];
  if (p.from !== from) {
    // Not what this start copies after all (DEMO was read otherwise): dropped.
    void p.done.then(() => rmSync(p.staging, { recursive: true, force: true }));
    return false;
  }
  try {
    if (!(await p.done)) throw new Error('the copy failed');
    const names = readdirSync(p.staging).filter((n) => n !== 'PG_VERSION');
    for (const n of names) renameSync(join(p.staging, n), join(dataDir, n));
    renameSync(join(p.staging, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
    rmdirSync(p.staging);
    return true;
  } catch {
    rmSync(p.staging, { recursive: true, force: true });
    return false;
  }
}
