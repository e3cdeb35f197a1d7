// The respondent's path over /go/{iit|eit}/{code}: start, steps, check, submit, thanks.
// Works without JavaScript: the answers so far travel sealed (encrypted, authenticated) in the
// survey's own cookie, so back, reload and outages keep them while the server stores nothing.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Problem } from '../domain/problem.ts';
import { demographicFields, isYesNo } from '../domain/submission.ts';
import { problemText } from '../i18n/problem-text.ts';
import { STATE_DAYS, type Draft, type SurveyContext } from '../services/survey.service.ts';
import type { FieldError } from '../views/components/form.tsx';
import { SurveyCheckPage } from '../views/pages/survey-check.page.tsx';
import {
  SurveyClosedPage,
  SurveyEndPage,
  SurveyStartPage,
  type SurveyHeader,
} from '../views/pages/survey-start.page.tsx';
import { SurveyStepPage, radioAnchor, type StepBody } from '../views/pages/survey-step.page.tsx';
import { pageContext } from './page-context.ts';
import type { PageContext } from '../views/page-context.ts';
import {
  pageTemplate,
  placeholder,
  sendHtml,
  sendRevalidated,
  type PageTemplate,
} from './page-cache.ts';
import type { AppEnv } from './context.ts';
import { clientAddress } from './client-address.ts';
import { rememberLanguage, secureCookies } from './cookies.ts';

export const surveyRoutes = new Hono<AppEnv>();

// A survey link may carry ?lang=en (a poster for foreign service users): the language it chose
// is remembered, so every later step, the check page and the thanks page stay in it.
const keepChosenLanguage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const q = c.req.query('lang');
  if ((q === 'en' || q === 'th') && getCookie(c, 'lang') !== q) rememberLanguage(c, q);
  await next();
};
surveyRoutes.use('/go/*', keepChosenLanguage);

/** The sealed survey state; path-scoped to one survey, so IIT and EIT states coexist. */
const STATE_COOKIE = 'itas_survey';
const MARKER_COOKIE = 'itas_answered';
const secure = secureCookies;

function header(ctx: SurveyContext): SurveyHeader {
  return {
    agencyName: ctx.link.nameTh,
    tool: ctx.tool,
    base: `/go/${ctx.tool.toLowerCase()}/${ctx.link.code}`,
  };
}

function stateOf(c: Context<AppEnv>): string | undefined {
  return getCookie(c, STATE_COOKIE);
}

function keepState(c: Context<AppEnv>, ctx: SurveyContext, state: string) {
  setCookie(c, STATE_COOKIE, state, {
    path: header(ctx).base,
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    maxAge: 60 * 60 * 24 * STATE_DAYS,
  });
}

function dropState(c: Context<AppEnv>, ctx: SurveyContext) {
  deleteCookie(c, STATE_COOKIE, { path: header(ctx).base });
}

function markerOf(ctx: SurveyContext) {
  return `${ctx.tool.toLowerCase()}-${ctx.link.code}`;
}

/** Maps a service field to the id of the input the error summary should link to. */
function anchorOf(ctx: SurveyContext, field: string): string {
  if (field === 'eligible') return radioAnchor('eligible', 'yes');
  const demo = ctx.framework.demographics[ctx.tool].find((f) => f.code === field);
  if (demo) return radioAnchor(field, demo.options[0]?.value ?? '');
  for (const q of ctx.framework.questions)
    for (const item of q.items)
      if (`${q.code}.${item.n}` === field)
        return radioAnchor(field, isYesNo(item.scale) ? 'Y' : '1');
  return field;
}

function toErrors(c: Context<AppEnv>, ctx: SurveyContext, problems: Problem[]): FieldError[] {
  const lang = c.get('lang');
  return problems.map((p) => ({
    field: anchorOf(ctx, p.field),
    message: problemText(p, lang),
  }));
}

async function load(c: Context<AppEnv>): Promise<SurveyContext | undefined> {
  return c.get('services').surveys.resolve(c.req.param('code') ?? '', c.req.param('tool') ?? '');
}

/** The text of a rendered view (every survey view is synchronous). */
async function textOf(node: unknown): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

/** A page with a form (its token, the respondent's answers): never stored by any cache. */
async function personal(c: Context<AppEnv>, node: unknown, status: number) {
  return sendHtml(c, await textOf(node), status, 'no-store');
}

/**
 * Templates of the pages everyone gets alike but for the form's token and sealed id (the start
 * page with the whole survey, a step page with nothing answered on it yet), per link and
 * framework as the lookup cache holds them: a change to either makes new objects, so new
 * templates. Rendered once per link every couple of seconds instead of at every request.
 */
const templates = new WeakMap<object, WeakMap<object, Map<string, PageTemplate>>>();

async function fromTemplate(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  key: string,
  render: (pc: PageContext) => unknown,
  values: Record<string, string>,
) {
  let byFramework = templates.get(ctx.link);
  if (!byFramework) templates.set(ctx.link, (byFramework = new WeakMap()));
  let byKey = byFramework.get(ctx.framework);
  if (!byKey) byFramework.set(ctx.framework, (byKey = new Map<string, PageTemplate>()));
  const pc = pageContext(c);
  const fullKey = `${key}|${pc.lang}|${pc.path}`;
  let template = byKey.get(fullKey);
  if (!template) {
    const names = Object.keys(values);
    const html = await textOf(render({ ...pc, csrfToken: placeholder('csrf'), nonce: undefined }));
    template = pageTemplate(html, names);
    if (byKey.size >= 64) byKey.clear();
    byKey.set(fullKey, template);
  }
  return template.fill(Object.values(values));
}

function closed(c: Context<AppEnv>, ctx: SurveyContext, status: 200 | 409) {
  return textOf(<SurveyClosedPage ctx={pageContext(c)} h={header(ctx)} window={ctx.window} />).then(
    (html) => sendRevalidated(c, html, status),
  );
}

/** What a draft (or a refused send) holds, as form values by field name. */
function valuesOf(draft: Draft | undefined): Record<string, string> {
  return {
    ...(draft?.answers ?? {}),
    ...(draft?.demographics ?? {}),
    ...(draft?.eligible ? { eligible: 'yes' } : {}),
    ...(draft?.accessCode ? { access_code: draft.accessCode } : {}),
  };
}

/**
 * The start page, carrying the whole survey as one form for the script (ADR 0017). `values` and
 * `errors` come from the browser's state, or from a send the server refused.
 */
async function renderStart(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  draft: Draft | undefined,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422 | 429,
) {
  const answered = (getCookie(c, MARKER_COOKIE) ?? '').split('.').includes(markerOf(ctx));
  const submission = c.get('services').surveys.sealSubmission(ctx);
  const page = (pc: PageContext, sealed: string) => (
    <SurveyStartPage
      ctx={pc}
      h={header(ctx)}
      pageCount={ctx.steps.filter((s) => s !== 'eligibility').length}
      firstStep={ctx.steps[0]!}
      hasDraft={draft !== undefined}
      answeredBefore={answered}
      window={ctx.window}
      whole={{
        framework: ctx.framework,
        steps: ctx.steps,
        pages: ctx.pages,
        demographics: demographicFields(ctx.framework, ctx.tool),
        minYears: ctx.framework.iitMinYearsOfService,
        singleUse: ctx.link.singleUseIit,
        submission: sealed,
        values,
        errors,
      }}
    />
  );
  const plain =
    draft === undefined &&
    errors.length === 0 &&
    Object.keys(values).length === 0 &&
    c.get('actor').kind !== 'user';
  if (!plain) return personal(c, page(pageContext(c), submission), status);
  const w = ctx.window.state === 'open' ? `${ctx.window.opensOn}:${ctx.window.closesOn}` : '';
  const filled = await fromTemplate(
    c,
    ctx,
    `start|${ctx.tool}|${answered}|${ctx.link.singleUseIit}|${w}`,
    (pc) => page(pc, placeholder('submission')),
    { csrf: c.get('csrfToken') ?? '', submission },
  );
  return sendHtml(c, filled, status, 'no-store');
}

surveyRoutes.get('/go/:tool/:code', async (c) => {
  const ctx = await load(c);
  if (!ctx) return c.notFound();
  if (ctx.window.state !== 'open') return closed(c, ctx, 200);
  const draft = c.get('services').surveys.loadDraft(ctx, stateOf(c));
  return renderStart(c, ctx, draft, valuesOf(draft), [], 200);
});

/** Marks this browser as having answered this survey (a soft warning later, never a block). */
function markAnswered(c: Context<AppEnv>, ctx: SurveyContext) {
  const markers = (getCookie(c, MARKER_COOKIE) ?? '').split('.').filter(Boolean);
  if (!markers.includes(markerOf(ctx))) markers.push(markerOf(ctx));
  setCookie(c, MARKER_COOKIE, markers.slice(-20).join('.'), {
    path: '/go',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    maxAge: 60 * 60 * 24 * 365,
  });
}

// The one-document form's single POST (JavaScript): every answer at once, checked by the same
// domain rules as the steps and the API, stored through the same pipeline as the check page's
// submit. Refused: the same document again with the errors on their step and everything typed.
surveyRoutes.post('/go/:tool/:code/send', async (c) => {
  const ctx = await load(c);
  if (!ctx) return c.notFound();
  if (ctx.window.state !== 'open') return closed(c, ctx, 409);
  const form = await c.req.parseBody();
  const input: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === 'string') input[k] = v;
  const surveys = c.get('services').surveys;
  const r = await surveys.submitWholeForm(ctx, input, input.submission, clientAddress(c));
  const base = header(ctx).base;
  if (r.ok) {
    dropState(c, ctx);
    markAnswered(c, ctx);
    return c.redirect(`${base}/thanks`, 303);
  }
  if (r.status === 'ineligible') {
    dropState(c, ctx);
    return c.redirect(`${base}/not-eligible`, 303);
  }
  if (r.status === 409) return closed(c, ctx, 409);
  if (r.status === 404) return c.notFound();
  const values = { ...input };
  delete values._csrf;
  delete values.submission;
  if (r.status === 429) {
    c.header('Retry-After', String(r.retryAfterSeconds ?? 60));
    const message = c.get('t').surveys.errors.rateLimited;
    return renderStart(c, ctx, undefined, values, [{ field: 'submit', message }], 429);
  }
  return renderStart(c, ctx, undefined, values, toErrors(c, ctx, r.problems), 422);
});

// The ends of the path hold nothing personal (no form, no state): revalidated by ETag.
for (const kind of ['thanks', 'ineligible'] as const)
  surveyRoutes.get(
    `/go/:tool/:code/${kind === 'thanks' ? 'thanks' : 'not-eligible'}`,
    async (c) => {
      const ctx = await load(c);
      if (!ctx) return c.notFound();
      const page = (pc: PageContext) => (
        <SurveyEndPage
          ctx={pc}
          h={header(ctx)}
          kind={kind}
          minYears={ctx.framework.iitMinYearsOfService}
        />
      );
      // Signed in: the page names the person; else one template per link (gzip made once).
      if (c.get('actor').kind === 'user') return personal(c, page(pageContext(c)), 200);
      return sendRevalidated(c, await fromTemplate(c, ctx, `end|${kind}`, page, {}), 200);
    },
  );

async function renderCheck(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  errors: FieldError[],
  status: 200 | 409 | 422 | 429,
) {
  const view = c.get('services').surveys.checkView(ctx, stateOf(c));
  if (!view.draft) return c.redirect(`${header(ctx).base}/${view.step}`, 303);
  return personal(
    c,
    <SurveyCheckPage
      ctx={pageContext(c)}
      h={header(ctx)}
      framework={ctx.framework}
      draft={view.draft}
      submission={view.submission}
      demographics={demographicFields(ctx.framework, ctx.tool)}
      pages={ctx.pages}
      errors={errors}
    />,
    status,
  );
}

surveyRoutes.get('/go/:tool/:code/check', async (c) => {
  const ctx = await load(c);
  if (!ctx) return c.notFound();
  if (ctx.window.state !== 'open') return closed(c, ctx, 200);
  return renderCheck(c, ctx, [], 200);
});

surveyRoutes.post('/go/:tool/:code/submit', async (c) => {
  const ctx = await load(c);
  if (!ctx) return c.notFound();
  if (ctx.window.state !== 'open') return closed(c, ctx, 409);
  const form = await c.req.parseBody();
  const submission = typeof form.submission === 'string' ? form.submission : undefined;
  const r = await c
    .get('services')
    .surveys.submitDraft(ctx, stateOf(c), submission, clientAddress(c));
  const base = header(ctx).base;
  if (r.ok) {
    dropState(c, ctx);
    markAnswered(c, ctx);
    return c.redirect(`${base}/thanks`, 303);
  }
  if (r.status === 303) return c.redirect(`${base}/${r.step}`, 303);
  if (r.status === 409) return closed(c, ctx, 409);
  if (r.status === 404) return c.notFound();
  if (r.status === 429) {
    c.header('Retry-After', String(r.retryAfterSeconds ?? 60));
    return renderCheck(
      c,
      ctx,
      [{ field: 'submit', message: c.get('t').surveys.errors.rateLimited }],
      429,
    );
  }
  return renderCheck(c, ctx, toErrors(c, ctx, r.problems), 422);
});

function stepBody(ctx: SurveyContext, step: string): StepBody | undefined {
  if (step === 'eligibility' && ctx.tool === 'IIT')
    return {
      kind: 'eligibility',
      minYears: ctx.framework.iitMinYearsOfService,
      singleUse: ctx.link.singleUseIit,
    };
  if (step === 'about')
    return { kind: 'about', fields: demographicFields(ctx.framework, ctx.tool) };
  const n = /^page-(\d+)$/.exec(step);
  const page = n ? ctx.pages[Number(n[1]) - 1] : undefined;
  return page ? { kind: 'page', title: page.title, questions: page.questions } : undefined;
}

async function renderStep(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  step: string,
  body: StepBody,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  const counted = ctx.steps.filter((s) => s !== 'eligibility');
  const i = ctx.steps.indexOf(step);
  const base = header(ctx).base;
  const returnToCheck = c.req.query('return') === 'check';
  const back = returnToCheck ? `${base}/check` : i > 0 ? `${base}/${ctx.steps[i - 1]}` : base;
  const n = counted.indexOf(step);
  const page = (pc: PageContext, shown: Record<string, string>) => (
    <SurveyStepPage
      ctx={pc}
      h={header(ctx)}
      framework={ctx.framework}
      step={step}
      body={body}
      {...(n >= 0 ? { progress: { n: n + 1, of: counted.length } } : {})}
      values={shown}
      errors={errors}
      back={back}
      returnToCheck={returnToCheck}
    />
  );
  // Nothing answered on this step yet (the usual way forward): the step's template.
  const blank =
    errors.length === 0 &&
    c.get('actor').kind !== 'user' &&
    !fieldsOf(body).some((f) => values[f] !== undefined);
  if (!blank) return personal(c, page(pageContext(c), values), status);
  const filled = await fromTemplate(c, ctx, `step|${step}`, (pc) => page(pc, {}), {
    csrf: c.get('csrfToken') ?? '',
  });
  return sendHtml(c, filled, status, 'no-store');
}

/** The names of a step's fields. */
function fieldsOf(body: StepBody): string[] {
  if (body.kind === 'eligibility') return ['eligible', 'access_code'];
  if (body.kind === 'about') return body.fields.map((f) => f.code);
  return body.questions.flatMap((q) => q.items.map((i) => `${q.code}.${i.n}`));
}

surveyRoutes.get('/go/:tool/:code/:step', async (c) => {
  const ctx = await load(c);
  const step = c.req.param('step');
  const body = ctx && stepBody(ctx, step);
  if (!ctx || !body) return c.notFound();
  if (ctx.window.state !== 'open') return closed(c, ctx, 200);
  const draft = c.get('services').surveys.loadDraft(ctx, stateOf(c));
  if (ctx.tool === 'IIT' && step !== 'eligibility' && !draft?.eligible)
    return c.redirect(`${header(ctx).base}/eligibility`, 303);
  return renderStep(c, ctx, step, body, valuesOf(draft), [], 200);
});

surveyRoutes.post('/go/:tool/:code/:step', async (c) => {
  const ctx = await load(c);
  const step = c.req.param('step');
  const body = ctx && stepBody(ctx, step);
  if (!ctx || !body) return c.notFound();
  if (ctx.window.state !== 'open') return closed(c, ctx, 409);
  const form = await c.req.parseBody();
  const input: Record<string, string> = {};
  for (const [k, v] of Object.entries(form))
    if (typeof v === 'string' && k !== '_csrf') input[k] = v;
  const surveys = c.get('services').surveys;
  const r = await surveys.answerStep(ctx, stateOf(c), step, input);
  const base = header(ctx).base;
  if (r.kind === 'closed') return closed(c, ctx, 409);
  if (r.kind === 'ineligible') {
    dropState(c, ctx);
    return c.redirect(`${base}/not-eligible`, 303);
  }
  if (r.state) keepState(c, ctx, r.state);
  if (r.kind === 'invalid') {
    // Keep what the respondent typed on this page, valid or not, plus what the state holds.
    const values = { ...r.draft.answers, ...r.draft.demographics, ...input };
    return renderStep(c, ctx, step, body, values, toErrors(c, ctx, r.problems), 422);
  }
  const next = c.req.query('return') === 'check' && r.next !== 'eligibility' ? 'check' : r.next;
  return c.redirect(`${base}/${next}`, 303);
});
