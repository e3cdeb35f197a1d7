// What every province workspace route reads from its request: the province and year in the path
// (checked against the actor), the form's fields, and problems as field errors.
import { type Context } from 'hono';
import { canEditProvince } from '../domain/access.ts';
import type { Problem } from '../domain/problem.ts';
import { problemText } from '../i18n/problem-text.ts';
import type { Workspace } from '../services/province-drive.service.ts';
import type { FieldError } from '../views/components/form.tsx';
import { type WorkspaceView } from '../views/pages/province-workspace.tsx';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export type C = Context<AppEnv>;

export const P = '/province/:province/:year{[0-9]{4}}';

export function workspace(c: C): Workspace {
  return { province: c.req.param('province') ?? '', fiscalYear: Number(c.req.param('year')) };
}

/**
 * The workspace as the pages show it. No service call: the page's one service call checks that
 * the actor may read it (404/403) before it reads anything.
 */
export function view(c: C): WorkspaceView {
  const actor = requireUser(c);
  const w = workspace(c);
  return { ...w, canEdit: canEditProvince(actor, w.province) };
}

export async function form(c: C): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string' && k !== '_csrf') out[k] = first;
  }
  return out;
}

export async function list(c: C, name: string): Promise<string[]> {
  const body = await c.req.parseBody({ all: true });
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
}

export const lang = (c: C) => c.get('lang');
export const fieldErrors = (c: C, problems: Problem[]): FieldError[] =>
  problems.map((p) => ({ field: p.field || 'main', message: problemText(p, lang(c)) }));
export const notice = (c: C) => (c.req.query('done') ? c.get('t').province.saved : undefined);
