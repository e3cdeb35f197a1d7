// Sessions over HTTP: the middleware that turns the session cookie into the request's Actor, the
// cookie itself, and requireUser / requireRole for routes (the real checks stay in services).
import type { Context, MiddlewareHandler, Next } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { Actor, Role } from '../domain/actor.ts';
import { hasAnyRole } from '../domain/access.ts';
import { SESSION_ABSOLUTE_MS } from '../domain/account.ts';
import type { AppEnv } from './context.ts';
import { secureCookies } from './cookies.ts';
import { AccessRefused } from './expected-errors.tsx';

export const SESSION_COOKIE = 'itas_session';

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(c),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(c) });
}

export function sessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/**
 * Loads the signed-in user's Actor from the database-stored session; an anonymous one otherwise.
 * Either carries this request's id, so the audit entries it causes name the request (ADR 0029).
 */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = (c, next) => {
  const token = sessionToken(c);
  // No session cookie (every respondent): no promise of its own (survey-cookies.ts says why).
  if (!token) {
    c.set('actor', { kind: 'anonymous', requestId: c.get('requestId') });
    return next();
  }
  return withSession(c, next, token);
};

async function withSession(c: Context<AppEnv>, next: Next, token: string) {
  const requestId = c.get('requestId');
  const signedIn = await c.get('services').auth.resolveSession(token);
  if (signedIn) {
    c.set('actor', { ...signedIn.actor, requestId });
    c.set('account', { displayName: signedIn.displayName, sessionHash: signedIn.sessionHash });
    // Pages for signed-in people must not sit in shared caches.
    c.header('Cache-Control', 'no-store');
  } else {
    c.set('actor', { kind: 'anonymous', requestId });
    clearSessionCookie(c);
  }
  await next();
}

export function signInUrl(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  // After a POST the form is gone; coming back to the page is the useful place.
  const back = c.req.method === 'GET' ? url.pathname + url.search : url.pathname;
  return `/sign-in?next=${encodeURIComponent(back)}`;
}

/**
 * The signed-in user acting on this request. Signed-out visitors are sent to sign in (303) and,
 * when roles are given, users holding none of them get the bilingual 403 page.
 */
export function requireUser(
  c: Context<AppEnv>,
  ...roles: Role[]
): Extract<Actor, { kind: 'user' }> {
  const actor = c.get('actor');
  if (actor.kind !== 'user') throw new HTTPException(303, { res: c.redirect(signInUrl(c), 303) });
  if (roles.length && !hasAnyRole(actor, roles)) throw new AccessRefused('forbidden');
  return actor;
}

/** Middleware form of requireUser: no roles means any signed-in user. The NACC passes every check. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireUser(c, ...roles);
    await next();
  };
}
