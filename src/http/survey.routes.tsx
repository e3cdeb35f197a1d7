// The respondent's path over /go/{iit|eit}/{code}: start, steps, check, submit, thanks.
// Works without JavaScript: the answers so far travel sealed (encrypted, authenticated) in the
// survey's own cookie, so back, reload and outages keep them while the server stores nothing.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { demographicFields, isYesNo, type FieldProblem } from '../domain/survey-form.ts';
import { STATE_DAYS, type SurveyContext } from '../services/survey.service.ts';
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

function toErrors(c: Context<AppEnv>, ctx: SurveyContext, problems: FieldProblem[]): FieldError[] {
  const lang = c.get('lang');
  return problems.map((p) => ({
    field: anchorOf(ctx, p.field),
    message: lang === 'en' ? p.en : p.th,
  }));
}

async function load(c: Context<AppEnv>): Promise<SurveyContext | undefined> {
  return c.get('services').surveys.resolve(c.req.param('code') ?? '', c.req.param('tool') ?? '');
}

function closed(c: Context<AppEnv>, ctx: SurveyContext, status: 200 | 409) {
  return c.html(
    <SurveyClosedPage ctx={pageContext(c)} h={header(ctx)} window={ctx.window} />,
    status,
  );
}

surveyRoutes.get('/go/:tool/:code', async (c) => {
  const ctx = await load(c);
  if (!ctx) return c.notFound();
  if (ctx.window.state !== 'open') return closed(c, ctx, 200);
  const draft = c.get('services').surveys.loadDraft(ctx, stateOf(c));
  const answered = (getCookie(c, MARKER_COOKIE) ?? '').split('.').includes(markerOf(ctx));
  return c.html(
    <SurveyStartPage
      ctx={pageContext(c)}
      h={header(ctx)}
      pageCount={ctx.steps.filter((s) => s !== 'eligibility').length}
      firstStep={ctx.steps[0]!}
      hasDraft={draft !== undefined}
      answeredBefore={answered}
      window={ctx.window}
    />,
  );
});

surveyRoutes.get('/go/:tool/:code/thanks', async (c) => {
  const ctx = await load(c);
  if (!ctx) return c.notFound();
  return c.html(
    <SurveyEndPage
      ctx={pageContext(c)}
      h={header(ctx)}
      kind="thanks"
      minYears={ctx.framework.iitMinYearsOfService}
    />,
  );
});

surveyRoutes.get('/go/:tool/:code/not-eligible', async (c) => {
  const ctx = await load(c);
  if (!ctx) return c.notFound();
  return c.html(
    <SurveyEndPage
      ctx={pageContext(c)}
      h={header(ctx)}
      kind="ineligible"
      minYears={ctx.framework.iitMinYearsOfService}
    />,
  );
});

async function renderCheck(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  errors: FieldError[],
  status: 200 | 409 | 422 | 429,
) {
  const view = c.get('services').surveys.checkView(ctx, stateOf(c));
  if (!view.draft) return c.redirect(`${header(ctx).base}/${view.step}`, 303);
  return c.html(
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
    const markers = (getCookie(c, MARKER_COOKIE) ?? '').split('.').filter(Boolean);
    if (!markers.includes(markerOf(ctx))) markers.push(markerOf(ctx));
    setCookie(c, MARKER_COOKIE, markers.slice(-20).join('.'), {
      path: '/go',
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      maxAge: 60 * 60 * 24 * 365,
    });
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

function renderStep(
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
  return c.html(
    <SurveyStepPage
      ctx={pageContext(c)}
      h={header(ctx)}
      framework={ctx.framework}
      step={step}
      body={body}
      {...(n >= 0 ? { progress: { n: n + 1, of: counted.length } } : {})}
      values={values}
      errors={errors}
      back={back}
      returnToCheck={returnToCheck}
    />,
    status,
  );
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
  const values: Record<string, string> = {
    ...(draft?.answers ?? {}),
    ...(draft?.demographics ?? {}),
    ...(draft?.eligible ? { eligible: 'yes' } : {}),
    ...(draft?.accessCode ? { access_code: draft.accessCode } : {}),
  };
  return renderStep(c, ctx, step, body, values, [], 200);
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
