// Whether cookies carry `Secure`. Behind a TLS proxy the app itself sees plain http, so the
// request URL alone is not enough: an https PUBLIC_URL means every cookie is Secure, and so does
// X-Forwarded-Proto: https from the one trusted proxy (TRUST_PROXY).
import type { Context } from 'hono';
import { requestIsHttps } from './client-address.ts';
import type { AppEnv } from './context.ts';

export function secureCookies(c: Context<AppEnv>): boolean {
  return c.get('services').publicUrl.startsWith('https:') || requestIsHttps(c);
}
