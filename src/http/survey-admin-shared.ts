// What the survey administration routes share: the year a page is about, and worded problems
// of the calendar and target services as the error summary's entries.
import type { Context } from 'hono';
import type { Problem } from '../domain/problem.ts';
import { problemText } from '../i18n/problem-text.ts';
import type { AppEnv } from './context.ts';

/** The year asked for (?year=), else the latest; 404 while none is open. */
export function yearOf(c: Context<AppEnv>): Promise<number> {
  const q = c.req.query('year');
  return c.get('services').surveyLinks.yearOr(q === undefined ? undefined : Number(q));
}

export const problemsToErrors = (c: Context<AppEnv>, ps: readonly Problem[]) =>
  ps.map((p) => ({ field: p.field, message: problemText(p, c.get('lang')) }));
