// Whether cookies carry `Secure`. Behind a TLS proxy the app itself sees plain http, so the
// request URL alone is not enough: an https PUBLIC_URL means every cookie is Secure, and so does
// X-Forwarded-Proto: https from the one trusted proxy (TRUST_PROXY).
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { requestIsHttps } from './client-address.ts';
import type { AppEnv } from './context.ts';

export function secureCookies(c: Context<AppEnv>): boolean {
  return c.get('services').publicUrl.startsWith('https:') || requestIsHttps(c);
}

/** Remembers a chosen language for every later page (the switch, or a survey link's ?lang=). */
export function rememberLanguage(c: Context<AppEnv>, lang: 'th' | 'en'): void {
  setCookie(c, 'lang', lang, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'Lax',
    httpOnly: true,
    secure: secureCookies(c),
  });
}
