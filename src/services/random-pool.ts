// Random bytes for the respondent's path (a form's CSRF cookie, the IV of each sealed value),
// taken from a pool that the system's CSPRNG refills 4 KB at a time, as Node's own randomUUID
// does. Each crypto.randomBytes() call builds a native job: for 16 bytes under Node 20 about
// 2.8 µs, 3.8 µs with the async hooks AsyncLocalStorage turns on (hono/jsx's renderer does, ADR
// 0029), against 0.3 µs from the pool; the start page takes two (the cookie, the sealed id's IV).
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
