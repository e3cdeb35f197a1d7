// What the OIT routes read from a request: the year and agency in the path, a form value, and an
// input error as field errors.
import { type Context } from 'hono';
import { problemText } from '../i18n/problem-text.ts';
import { OitInputError } from '../services/oit-shared.ts';
import type { FieldError } from '../views/components/form.tsx';
import type { AppEnv } from './context.ts';

export const Y = '/oit/:year{[0-9]{4}}';
export const year = (c: Context<AppEnv>) => Number(c.req.param('year'));
export const code = (c: Context<AppEnv>) => c.req.param('code') ?? '';
export const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function fieldErrors(c: Context<AppEnv>, err: OitInputError): FieldError[] {
  return err.problems.map((p) => ({ field: p.field, message: problemText(p, c.get('lang')) }));
}
