// The door every request passes before any other work (app.tsx mounts it before the session and
// CSRF checks, which read the body too): the path, every query parameter and every form field are
// checked against the one table of limits (domain/text-limits.ts). A body that cannot be parsed is
// a 400, a body over the size limit a 413, a control character or an over-long value a 422 naming
// the field, in Thai and English. NUL in particular never reaches PostgreSQL, which refuses it
// with an error the user could only see as a 500.
import type { Context, MiddlewareHandler } from 'hono';
import { checkText, fieldRule, MAX_FIELD_NAME, type TextProblem } from '../domain/text-limits.ts';
import { en } from '../i18n/en.ts';
import { th, type Messages } from '../i18n/th.ts';
import type { AppEnv } from './context.ts';
import { limitBody } from './body-limit.ts';
import { isFormRequest, readForm, type FormBody } from './form-body.ts';
import { isClientAbort } from './client-abort.ts';
import { renderRefusal } from './refusal.tsx';

/** The largest form body accepted: forms hold text, not files; a committee of 200 rows fits. */
export const FORM_BODY_LIMIT = 4 * 1024 * 1024;
/** The most fields one form may carry (the committee form has about 800). */
const MAX_FIELDS = 5000;
// Query parameters are one-line values: search words, filters, a page to come back to.
const QUERY_RULE = { max: 2048, multiline: false };
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

type Problem = { kind: 'bad_body' | 'bad_path' | 'too_many_fields' } | FieldProblem;
type FieldProblem = { kind: TextProblem; field: string; max: number };

/** The name a person knows the field by, in one language (the form name when it has no label). */
function label(m: Messages, field: string): string {
  const fields: Record<string, string> = m.common.input.fields;
  const known = fields[field];
  if (known) return known;
  if (field.startsWith('dispute-')) return `${m.common.input.fields.dispute} ${field.slice(8)}`;
  // A hostile name is shown, not obeyed: no control characters, not too long.
  // eslint-disable-next-line no-control-regex
  return field.replace(/[\x00-\x1f\x7f-\x9f]/g, '?').slice(0, MAX_FIELD_NAME);
}

function texts(m: Messages, p: Problem): { title: string; body: string } {
  const i = m.common.input;
  switch (p.kind) {
    case 'bad_body':
      return { title: i.badBodyTitle, body: i.badBody };
    case 'bad_path':
      return { title: i.badBodyTitle, body: i.badPath };
    case 'too_many_fields':
      return { title: i.badBodyTitle, body: i.tooManyFields };
    case 'control':
      return { title: i.control(label(m, p.field)), body: i.badBody };
    case 'too_long':
      return { title: i.tooLong(label(m, p.field), p.max.toLocaleString('en-US')), body: '' };
  }
}

function refuse(c: Context<AppEnv>, p: Problem): Response | Promise<Response> {
  const status = p.kind === 'control' || p.kind === 'too_long' ? 422 : 400;
  const t = texts(th, p);
  const e = texts(en, p);
  const field = 'field' in p ? p.field : undefined;
  return renderRefusal(c, status, {
    code: p.kind,
    th: t.title,
    en: e.title,
    detailTh: p.kind === 'control' || p.kind === 'too_long' ? undefined : t.body,
    detailEn: p.kind === 'control' || p.kind === 'too_long' ? undefined : e.body,
    field,
  });
}

function check(field: string, value: string, rule = fieldRule(field)): Problem | null {
  if (field.length > MAX_FIELD_NAME || CONTROL.test(field))
    return { kind: 'control', field, max: rule.max };
  const problem = checkText(value, rule);
  return problem ? { kind: problem, field, max: rule.max } : null;
}

/** The path as routes will see it (parameters are decoded): no control characters. */
function pathProblem(c: Context<AppEnv>): Problem | null {
  const raw = c.req.path;
  if (!raw.includes('%') && !CONTROL.test(raw)) return null;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Malformed escapes stay as they are (routes get them undecoded): nothing hidden in them.
  }
  return CONTROL.test(decoded) ? { kind: 'bad_path' } : null;
}

function queryProblem(c: Context<AppEnv>): Problem | null {
  if (!c.req.url.includes('?')) return null;
  for (const [name, values] of Object.entries(c.req.queries()))
    for (const v of values) {
      // `next` is never stored: safeRedirectPath drops a doubtful one for a safe page instead.
      if (name === 'next' && v.length <= fieldRule('next').max) continue;
      const p = check(name, v, QUERY_RULE);
      if (p) return p;
    }
  return null;
}

async function bodyProblem(c: Context<AppEnv>): Promise<Problem | null> {
  let form: FormBody;
  try {
    // Parsed once here with every value; the CSRF check and the routes reuse it (form-body.ts).
    form = await readForm(c);
  } catch (err) {
    if (isClientAbort(err, c)) throw err; // nobody is waiting for an answer: app.tsx stays quiet
    return { kind: 'bad_body' };
  }
  if (form.pairs.length > MAX_FIELDS) return { kind: 'too_many_fields' };
  for (const [name, v] of form.pairs) {
    // No form of this app sends files: a file's name is still checked, its content never read.
    const p = check(name, typeof v === 'string' ? v : '');
    if (p) return p;
  }
  return null;
}

/** A respondent's form (even the whole survey in one POST) is a few kilobytes: 1 MB is ample. */
export const SURVEY_FORM_BODY_LIMIT = 1024 * 1024;

const limitOf = (max: number) =>
  limitBody(max, (c) =>
    renderRefusal(c as Context<AppEnv>, 413, {
      code: 'too_large',
      th: th.common.input.tooLargeTitle,
      en: en.common.input.tooLargeTitle,
      detailTh: th.common.input.tooLarge(String(max / 1024 / 1024)),
      detailEn: en.common.input.tooLarge(String(max / 1024 / 1024)),
    }),
  );
const limit = limitOf(FORM_BODY_LIMIT);
const surveyLimit = limitOf(SURVEY_FORM_BODY_LIMIT);

/** The guard for every request but the survey API's JSON (which checks its own, smaller body). */
export const inputGuard: MiddlewareHandler<AppEnv> = (c, next) => {
  // Not async: a page's GET passes with no promise of its own (survey-cookies.ts says why).
  const early = pathProblem(c) ?? queryProblem(c);
  if (early) return Promise.resolve(refuse(c, early));
  if (SAFE.has(c.req.method) || !isFormRequest(c)) return next();
  return (c.req.path.startsWith('/go/') ? surveyLimit : limit)(c, async () => {
    const p = await bodyProblem(c);
    if (p) {
      c.res = await refuse(c, p);
      return;
    }
    await next();
  });
};
