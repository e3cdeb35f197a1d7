// The respondent's cookies: the chosen language kept from a ?lang= link, the sealed survey
// state (path-scoped to one survey, so IIT and EIT states coexist) and the "answered before"
// marker (a soft warning later, never a block).
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { STATE_DAYS, type SurveyContext } from '../services/survey.service.ts';
import type { SurveyHeader } from '../views/pages/survey-start.page.tsx';
import type { AppEnv } from './context.ts';
import { rememberLanguage, secureCookies } from './cookies.ts';

// A survey link may carry ?lang=en (a poster for foreign service users): the language it chose
// is remembered, so every later step, the check page and the thanks page stay in it.
// Not async, nor are the input guard, the session and the CSRF check on a page's GET: each async
// function is one more promise per request, and AsyncLocalStorage's hooks run on each (hono/jsx
// turns them on at the first page it renders: ADR 0029).
export const keepChosenLanguage: MiddlewareHandler<AppEnv> = (c, next) => {
  const q = c.req.query('lang');
  if ((q === 'en' || q === 'th') && getCookie(c, 'lang') !== q) rememberLanguage(c, q);
  return next();
};

const STATE_COOKIE = 'itas_survey';
const MARKER_COOKIE = 'itas_answered';

export function header(ctx: SurveyContext): SurveyHeader {
  return {
    agencyName: ctx.link.nameTh,
    tool: ctx.tool,
    base: `/go/${ctx.tool.toLowerCase()}/${ctx.link.code}`,
  };
}

export function stateOf(c: Context<AppEnv>): string | undefined {
  return getCookie(c, STATE_COOKIE);
}

export function keepState(c: Context<AppEnv>, ctx: SurveyContext, state: string) {
  setCookie(c, STATE_COOKIE, state, {
    path: header(ctx).base,
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(c),
    maxAge: 60 * 60 * 24 * STATE_DAYS,
  });
}

export function dropState(c: Context<AppEnv>, ctx: SurveyContext) {
  deleteCookie(c, STATE_COOKIE, { path: header(ctx).base });
}

function markerOf(ctx: SurveyContext) {
  return `${ctx.tool.toLowerCase()}-${ctx.link.code}`;
}

/** Whether this browser answered this survey before. */
export function answeredBefore(c: Context<AppEnv>, ctx: SurveyContext): boolean {
  return (getCookie(c, MARKER_COOKIE) ?? '').split('.').includes(markerOf(ctx));
}

/** Marks this browser as having answered this survey (a soft warning later, never a block). */
export function markAnswered(c: Context<AppEnv>, ctx: SurveyContext) {
  const markers = (getCookie(c, MARKER_COOKIE) ?? '').split('.').filter(Boolean);
  if (!markers.includes(markerOf(ctx))) markers.push(markerOf(ctx));
  setCookie(c, MARKER_COOKIE, markers.slice(-20).join('.'), {
    path: '/go',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(c),
    maxAge: 60 * 60 * 24 * 365,
  });
}
