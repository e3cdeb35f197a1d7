// CSRF protection for every state-changing request made from a browser: a random token in an
// HttpOnly cookie that each form echoes as `_csrf` (or an API call as `X-CSRF-Token`).
// Cross-site pages cannot read the cookie, so they cannot echo it. The anonymous survey API is
// mounted without it (app.tsx): programs send no cookies, so there is nothing to forge.
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppEnv } from './context.ts';

const COOKIE = 'itas_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  let token = getCookie(c, COOKIE);
  if (!token || !/^[\w-]{43}$/.test(token)) {
    token = randomBytes(32).toString('base64url');
    setCookie(c, COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: new URL(c.req.url).protocol === 'https:',
    });
    // A fresh cookie cannot match anything sent with this request.
    if (!SAFE.has(c.req.method)) return refuse(c);
  }
  c.set('csrfToken', token);
  if (SAFE.has(c.req.method)) return next();

  let sent = c.req.header('x-csrf-token');
  if (!sent) {
    const type = c.req.header('content-type') ?? '';
    if (
      type.startsWith('application/x-www-form-urlencoded') ||
      type.startsWith('multipart/form-data')
    ) {
      // The input guard (app.tsx) has parsed the body already and refused it if unreadable;
      // should it ever not have, an unreadable body is still a refusal here, not a 500.
      const body: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
      sent = typeof body._csrf === 'string' ? body._csrf : undefined;
    }
  }
  if (!sent || !same(sent, token)) return refuse(c);
  return next();
};

function refuse(c: Parameters<MiddlewareHandler<AppEnv>>[0]) {
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
 * A fresh CSRF token, set when a session is created (sign-in): a token planted or read before
 * sign-in is useless afterwards. Forms rendered in this response carry the new one.
 */
export function rotateCsrfToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): void {
  const token = randomBytes(32).toString('base64url');
  setCookie(c, COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
  });
  c.set('csrfToken', token);
}
