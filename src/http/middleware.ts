// Cross-cutting request handling: request id and access log, language, security headers.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders, NONCE } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { messagesFor } from '../i18n/format.ts';
import type { Lang } from '../i18n/types.ts';
import type { AppEnv } from './context.ts';

export function requestContext(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    const child = log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', child);
    const started = performance.now();
    await next();
    // On the response's own headers: c.header() after the response exists makes Hono copy it
    // into a new web Response, which costs more than the rest of a survey submission.
    c.res.headers.set('X-Request-Id', requestId);
    child.info(
      {
        method: c.req.method,
        // One-time links are secrets until used: never write them to the logs.
        path: c.req.path.replace(/^\/(reset-password|invitation)\/[^/]+/, '/$1/[token]'),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}

/** Language from ?lang=, then the `lang` cookie, else Thai. */
export const language: MiddlewareHandler<AppEnv> = async (c, next) => {
  const q = c.req.query('lang');
  const cookie = getCookie(c, 'lang');
  const lang: Lang = q === 'en' || q === 'th' ? q : cookie === 'en' ? 'en' : 'th';
  c.set('lang', lang);
  c.set('t', messagesFor(lang));
  await next();
};

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", NONCE],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  referrerPolicy: 'strict-origin-when-cross-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/** For JSON APIs: the same headers with a fixed CSP that allows nothing (no per-request nonce). */
export const apiSecurityHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  referrerPolicy: 'strict-origin-when-cross-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});
