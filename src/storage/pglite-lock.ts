// The embedded database has one owner. PGlite keeps its pages in process memory and writes them
// back to the folder; a second engine on the same folder (a CLI beside the running server) would
// work on its own copy, report success, and have its writes overwritten or corrupt the folder.
// So the first process to open a folder writes a lock file with its pid; another process is
// refused while that pid is alive on this host. A lock left by a crashed process is stale and
// taken over. (Two processes taking over the same stale lock at the same instant could both
// win; a live owner is never displaced.) A server also writes where it listens into its lock, so
// `itas backup` can ask it for the snapshot it cannot take itself (ADR 0015).
import {
  closeSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'open-itas.lock';

/** Another live process owns the folder; the message (ops.databaseInUse) says what to do. */
export class DatabaseInUse extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
    /** The owner's own address when it is a server that has begun to listen. */
    readonly serverUrl?: string,
  ) {
    super(`The database folder ${dir} is in use by another Open ITAS process (pid ${pid})`);
    this.name = 'DatabaseInUse';
  }
}

interface Owner {
  pid: number;
  host: string;
  url?: string;
}

function readOwner(file: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string'
      ? { pid: o.pid, host: o.host, ...(typeof o.url === 'string' ? { url: o.url } : {}) }
      : null;
  } catch {
    return null;
  }
}

/** Whether a process of this pid is running on this host (one of another user's counts). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders this process holds: opening one twice in one process is refused as well. */
const held = new Set<string>();

/** Takes the folder's lock or throws DatabaseInUse; returns the release function. */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  const key = resolve(file);
  if (held.has(key)) throw new DatabaseInUse(dir, process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        // eslint-disable-next-line no-restricted-syntax -- the lock's note for operators, not business time
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date() }));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e;
      const owner = readOwner(file);
      // Our own pid in the file is a lock this process's earlier life left (pid 1 in a
      // restarted container): not a live other owner. Another host's pid cannot be checked.
      if (owner && owner.pid !== process.pid && owner.host === hostname() && alive(owner.pid))
        throw new DatabaseInUse(dir, owner.pid, owner.url);
      if (!owner && attempt === 0) {
        // Being written by a process that just created it: look again shortly.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      try {
        unlinkSync(file);
      } catch {
        /* someone else removed it first: try to create it again */
      }
    }
  }
  held.add(key);
  const release = () => {
    if (!held.delete(key)) return;
    try {
      if (readOwner(file)?.pid === process.pid) unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  // A process that exits without closing the database (Ctrl+C in the CLI) still frees it.
  process.once('exit', release);
  return () => {
    process.removeListener('exit', release);
    release();
  };
}

/**
 * Adds this server's address (a loopback URL: the lock names a process on this host) to the lock
 * it holds on `dir`. Written aside and renamed over it, so a reader never sees half a file and the
 * lock never stops existing.
 */
export function recordServerUrl(dir: string, url: string): void {
  const file = join(dir, LOCK_FILE);
  if (!held.has(resolve(file))) return;
  const owner = readOwner(file);
  if (owner?.pid !== process.pid) return;
  const { since } = JSON.parse(readFileSync(file, 'utf8')) as { since?: string };
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, JSON.stringify({ pid: owner.pid, host: owner.host, since, url }));
  renameSync(aside, file);
}
