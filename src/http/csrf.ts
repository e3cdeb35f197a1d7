// CSRF protection for every state-changing request made from a browser. A random value lives in
// an HttpOnly cookie; the token each form echoes as `_csrf` (or an API call as `X-CSRF-Token`)
// is bound to the session: signed out it is the cookie's value (double submit), signed in it is
// an HMAC of the cookie under the session's secret, so a token seen in one session (or before
// sign-in) is refused in any other. Cross-site pages can read neither cookie, so they cannot
// forge it. The anonymous survey API is mounted without it (app.tsx): programs send no cookies.
import type { Context, MiddlewareHandler, Next } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { pooledRandomBytes } from '../services/random-pool.ts';
import type { AppEnv } from './context.ts';
import { isFormRequest, readForm } from './form-body.ts';
import { secureCookies } from './cookies.ts';
import { sessionToken } from './session.ts';

const COOKIE = 'itas_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token forms carry: the cookie value signed out, bound to the session signed in. */
export function csrfTokenFor(cookie: string, session: string | undefined): string {
  return session
    ? createHmac('sha256', session).update(`itas-csrf:${cookie}`).digest('base64url')
    : cookie;
}

function setCsrfCookie(c: Context<AppEnv>, value: string): void {
  setCookie(c, COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(c),
  });
}

// Not async: a page's GET passes with no promise of its own (survey-cookies.ts says why).
export const csrfProtection: MiddlewareHandler<AppEnv> = (c, next) => {
  let cookie = getCookie(c, COOKIE);
  let fresh = false;
  if (!cookie || !/^[\w-]{43}$/.test(cookie)) {
    // Every respondent's first page makes one: from the pool (services/random-pool.ts).
    cookie = pooledRandomBytes(32).toString('base64url');
    setCsrfCookie(c, cookie);
    fresh = true;
  }
  // Only a session that resolved (sessionMiddleware runs first) binds the token.
  const session = c.get('actor').kind === 'user' ? sessionToken(c) : undefined;
  const token = csrfTokenFor(cookie, session);
  c.set('csrfToken', token);
  if (SAFE.has(c.req.method)) return next();
  // A fresh cookie cannot match anything sent with this request.
  if (fresh) return Promise.resolve(refuse(c));
  return checkSent(c, next, token);
};

/** On when the request sent `token` (the header, else the form's `_csrf`), else 403. */
async function checkSent(c: Context<AppEnv>, next: Next, token: string) {
  let sent = c.req.header('x-csrf-token');
  if (!sent && isFormRequest(c)) {
    // The input guard (app.tsx) has read the form already and refused it if unreadable; should
    // it ever not have, an unreadable body is still a refusal here, not a 500.
    const value = await readForm(c).then(
      (form) => form.last._csrf,
      () => undefined,
    );
    sent = typeof value === 'string' ? value : undefined;
  }
  if (!sent || !same(sent, token)) return refuse(c);
  return next();
}

function refuse(c: Context<AppEnv>) {
  const th = 'คำขอนี้ไม่ผ่านการตรวจสอบความปลอดภัย (CSRF) กรุณากลับไปหน้าก่อนหน้า โหลดหน้าใหม่ แล้วลองอีกครั้ง';
  const en =
    'This request failed the security check (CSRF). Go back, reload the page and try again.';
  if (c.req.path.startsWith('/api/'))
    return c.json({ error: { code: 'csrf', message: en, message_th: th } }, 403);
  return c.html(
    `<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>403 – Open ITAS</title></head><body><main><h1>ไม่สามารถดำเนินการได้</h1><p>${th}</p><p lang="en">${en}</p><p><a href="/">หน้าแรก / Home</a></p></main></body></html>`,
    403,
  );
}

/**
 * A fresh CSRF cookie and the token bound to the new session, set at sign-in: a token planted
 * or read before sign-in is useless afterwards. Forms rendered in this response carry the new one.
 */
export function rotateCsrfToken(c: Context<AppEnv>, newSession: string): void {
  const cookie = randomBytes(32).toString('base64url');
  setCsrfCookie(c, cookie);
  c.set('csrfToken', csrfTokenFor(cookie, newSession));
}
