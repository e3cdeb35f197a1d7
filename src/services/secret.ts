// Random secrets for sessions and one-time links, and the hash under which the database keeps them.
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function looksLikeSecret(s: string | undefined): s is string {
  return typeof s === 'string' && /^[\w-]{43}$/.test(s);
}
