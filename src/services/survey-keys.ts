// Keys derived from the survey secret (configuration, never the database): the daily key under
// which the abuse counters' names (network, link, window) become opaque keys (HMAC-SHA256), and
// the key that seals the
// in-progress answers a respondent's browser carries (AES-256-GCM, authenticated).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { pooledRandomBytes } from './random-pool.ts';

const derive = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'open-itas', purpose, 32));

/**
 * The names of the abuse counters: HMAC(day key, name), the day key being HMAC(secret-derived
 * key, Thailand day). A name says what is counted and in which window (`net:<prefix>@<window
 * start>`, see survey-guard.service.ts); stored, it is 22 opaque characters. Yesterday's names
 * cannot be linked to today's, and without the secret no name can be traced back to its
 * network, link or window by trying every prefix and every window.
 */
export function createCounterKeys(secret: string) {
  const root = derive(secret, 'survey network keys v1');
  let cached: { day: string; key: Buffer } | undefined;
  return {
    /** The stored key of a counter named `name` on a Thailand day (22 base64url characters). */
    counterKey(day: string, name: string): string {
      if (cached?.day !== day)
        cached = { day, key: createHmac('sha256', root).update(day).digest() };
      return createHmac('sha256', cached.key).update(name).digest('base64url').slice(0, 22);
    },
  };
}

export type CounterKeys = ReturnType<typeof createCounterKeys>;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals and opens small JSON values under a key derived from the secret. `context` (e.g. the
 * survey a state belongs to) is authenticated but not stored, so a sealed value is refused
 * anywhere else. Opening returns undefined for anything altered, truncated or sealed under
 * another secret: the caller treats it as absent.
 */
export function createSealer(secret: string, purpose: string) {
  const key = derive(secret, purpose);
  return {
    seal(value: unknown, context: string): string {
      const iv = pooledRandomBytes(IV_BYTES); // a fresh random IV per seal, from the pool
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    },
    open(token: string | undefined, context: string): unknown {
      if (!token || token.length > 8192 || !/^[\w-]+$/.test(token)) return undefined;
      const raw = Buffer.from(token, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES + 2) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        const text = Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}

export type Sealer = ReturnType<typeof createSealer>;
