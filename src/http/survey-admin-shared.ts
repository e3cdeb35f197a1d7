// What the survey administration routes share: the year asked for, and worded problems
// of the calendar and target services as the error summary's entries.
import type { Context } from 'hono';
import type { Problem } from '../domain/problem.ts';
import { problemText } from '../i18n/problem-text.ts';
import type { AppEnv } from './context.ts';

/** The year asked for (?year=); the services take the latest when none is asked. */
export const askedYear = (c: Context<AppEnv>) =>
  c.req.query('year') === undefined ? undefined : Number(c.req.query('year'));

export const problemsToErrors = (c: Context<AppEnv>, ps: readonly Problem[]) =>
  ps.map((p) => ({ field: p.field, message: problemText(p, c.get('lang')) }));
