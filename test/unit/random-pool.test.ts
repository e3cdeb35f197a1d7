// The pooled random bytes (services/random-pool.ts) stand in for crypto.randomBytes in a form's
// CSRF cookie and each sealed value's IV: fresh buffers of the asked length, never the same bytes
// handed out twice, across the pool's refills, and nothing left of them in the pool.
import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from '../../src/services/random-pool.ts';

describe('pooledRandomBytes', () => {
  it('gives fresh buffers of the length asked, none repeated across refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const n = i % 2 ? 12 : 32;
      const b = pooledRandomBytes(n);
      expect(b.length).toBe(n);
      const hex = b.toString('hex');
      expect(seen.has(hex)).toBe(false);
      seen.add(hex);
    }
  });

  it('gives a buffer of its own: changing one changes no later one', () => {
    const a = pooledRandomBytes(32);
    a.fill(0);
    expect(pooledRandomBytes(32).equals(Buffer.alloc(32))).toBe(false);
  });

  it('takes a large request straight from the system', () => {
    expect(pooledRandomBytes(10_000).length).toBe(10_000);
  });
});
