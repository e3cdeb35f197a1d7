// Cross-cutting request handling: request id and access log (none for respondents: daily
// counts instead), language, security headers.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders, NONCE } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { messagesFor } from '../i18n/messages.ts';
import type { Lang } from '../i18n/types.ts';
import type { AppEnv } from './context.ts';

/** Respondents' paths: the survey pages (/go/…) and the survey API. */
export const isSurveyPath = (path: string) =>
  path.startsWith('/go/') || path.startsWith('/api/v1/surveys/');

/**
 * Survey requests counted per Thailand day, kind and status class, and nothing finer: no link
 * code, no agency, no time (ADR 0007). Kept in memory; a day's counts are logged as one line
 * when the next day's first survey request arrives.
 */
export function createSurveyMetrics(log: Logger, today: () => string) {
  let day = '';
  let counts: Record<string, number> = {};
  // The last closed day's counts, for /metrics: a day is shown only once it is over.
  let closed: { day: string; counts: Record<string, number> } | null = null;
  const roll = () => {
    const d = today();
    if (d !== day) {
      if (day && Object.keys(counts).length) {
        log.info({ day, counts }, 'survey requests');
        closed = { day, counts };
      }
      day = d;
      counts = {};
    }
  };
  return {
    count(path: string, method: string, status: number) {
      roll();
      const kind = path.startsWith('/api/') ? 'api' : method === 'POST' ? 'form_post' : 'page';
      const key = `${kind} ${Math.floor(status / 100)}xx`;
      counts[key] = (counts[key] ?? 0) + 1;
    },
    snapshot: () => ({ day, counts: { ...counts } }),
    /** The counts of the last closed day this process served survey requests on, if any. */
    closedDay: (): { day: string; counts: Record<string, number> } | null => {
      roll();
      return closed && { day: closed.day, counts: { ...closed.counts } };
    },
  };
}

export type SurveyMetrics = ReturnType<typeof createSurveyMetrics>;

export function requestContext(log: Logger, metrics: SurveyMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const survey = isSurveyPath(c.req.path);
    // A respondent's request keeps no id of the client's choosing (it could be a tag that
    // follows a person across requests) and leaves no access-log line: only the day's counts.
    const incoming = survey ? undefined : c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    const child = log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', child);
    const started = performance.now();
    await next();
    // On the response's own headers: c.header() after the response exists makes Hono copy it
    // into a new web Response, which costs more than the rest of a survey submission.
    c.res.headers.set('X-Request-Id', requestId);
    if (survey) {
      metrics.count(c.req.path, c.req.method, c.res.status);
      return;
    }
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

/** The policy of every page but its scripts: this site's own files; nothing framed, no plugins. */
const PAGE_POLICY = {
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};
const OTHER_HEADERS = {
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  referrerPolicy: 'strict-origin-when-cross-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
};

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'", NONCE], ...PAGE_POLICY },
  ...OTHER_HEADERS,
});

/**
 * For the respondent's pages (/go/…): the same policy without a per-request nonce. They load
 * only their own files (app.css, survey-steps.js) and run no inline script, so a fixed policy
 * allows no more, and every response of the hottest pages is spared a random nonce.
 */
export const surveyPageSecurityHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], ...PAGE_POLICY },
  ...OTHER_HEADERS,
});

/** For JSON APIs: the same headers with a fixed CSP that allows nothing (no per-request nonce). */
export const apiSecurityHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  ...OTHER_HEADERS,
});
