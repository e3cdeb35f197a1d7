// Random bytes for the respondent's path (a form's CSRF cookie, the IV of each sealed value),
// taken from a pool that the system's CSPRNG refills 4 KB at a time, as Node's own randomUUID
// does. Each crypto.randomBytes() call builds a native job (with the async hooks that
// AsyncLocalStorage turns on, services/request-scope.ts, firing for it): in a profile of the start
// page its two calls (the cookie, the sealed id's IV) cost about as much as the AES seal itself.
// The bytes are the same CSPRNG's; each is handed out once and then wiped from the pool.
import { randomBytes, randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/** `n` fresh random bytes (a new buffer), as crypto.randomBytes(n) gives them. */
export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL_BYTES / 8) return randomBytes(n);
  if (used + n > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const out = Buffer.allocUnsafe(n);
  pool.copy(out, 0, used, used + n);
  pool.fill(0, used, used + n);
  used += n;
  return out;
}
