// The respondent's pages as responses: the start page (the whole survey as one form), a step,
// the check page, the closed page and the ends of the path; the pages everyone gets alike come
// from templates (page-cache.ts), the personal ones are never stored by any cache.
import type { Context } from 'hono';
import type { Problem } from '../domain/problem.ts';
import { demographicFields, isYesNo } from '../domain/submission.ts';
import type { Step } from '../domain/survey-form.ts';
import { problemText } from '../i18n/problem-text.ts';
import type { CheckView, Draft, SurveyContext } from '../services/survey.service.ts';
import type { FieldError } from '../views/components/form.tsx';
import type { PageContext } from '../views/page-context.ts';
import { SurveyCheckPage } from '../views/pages/survey-check.page.tsx';
import {
  SurveyClosedPage,
  SurveyEndPage,
  SurveyStartPage,
} from '../views/pages/survey-start.page.tsx';
import { SurveyStepPage, radioAnchor, type StepBody } from '../views/pages/survey-step.page.tsx';
import type { AppEnv } from './context.ts';
import {
  pageTemplate,
  placeholder,
  sendHtml,
  sendRevalidated,
  type PageTemplate,
} from './page-cache.ts';
import { pageContext } from './page-context.ts';
import { answeredBefore, header } from './survey-cookies.ts';

/** Maps a problem's field to the id of the input the error summary should link to. */
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

/** Problems as the error summary's entries, in the page's language. */
export function toErrors(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  problems: Problem[],
): FieldError[] {
  const lang = c.get('lang');
  return problems.map((p) => ({ field: anchorOf(ctx, p.field), message: problemText(p, lang) }));
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
  path?: string,
) {
  let byFramework = templates.get(ctx.link);
  if (!byFramework) templates.set(ctx.link, (byFramework = new WeakMap()));
  let byKey = byFramework.get(ctx.framework);
  if (!byKey) byFramework.set(ctx.framework, (byKey = new Map<string, PageTemplate>()));
  const pc = path === undefined ? pageContext(c) : { ...pageContext(c), path };
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

export function renderClosed(c: Context<AppEnv>, ctx: SurveyContext, status: 200 | 409) {
  return textOf(<SurveyClosedPage ctx={pageContext(c)} h={header(ctx)} window={ctx.window} />).then(
    (html) => sendRevalidated(c, html, status),
  );
}

/** What a draft (or a refused send) holds, as form values by field name. */
export function valuesOf(draft: Draft | undefined): Record<string, string> {
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
export async function renderStart(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  p: {
    draft: Draft | undefined;
    submission: string;
    values: Record<string, string>;
    errors: FieldError[];
    status: 200 | 422 | 429;
  },
) {
  const { draft, submission, values, errors, status } = p;
  const answered = answeredBefore(c, ctx);
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

/**
 * The ends of the path (thanks, not eligible): the same template whether the page is asked for
 * (`GET …/thanks`, revalidated by ETag) or is the answer to the one-document form's send, which
 * answers with the page itself instead of a redirect to it (ADR 0024). Either way the page's own
 * address is its path, so its links (the language switch) lead back to it.
 */
export async function renderEnd(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  kind: 'thanks' | 'ineligible',
  as: 'page' | 'answer' = 'page',
) {
  const path = endPath(ctx, kind);
  const page = (pc: PageContext) => (
    <SurveyEndPage
      ctx={pc}
      h={header(ctx)}
      kind={kind}
      address={path}
      minYears={ctx.framework.iitMinYearsOfService}
    />
  );
  // Signed in: the page names the person; else one template per link (gzip made once).
  if (c.get('actor').kind === 'user') return personal(c, page({ ...pageContext(c), path }), 200);
  const filled = await fromTemplate(c, ctx, `end|${kind}`, page, {}, path);
  if (as === 'answer') return sendHtml(c, filled, 200, 'no-store');
  return sendRevalidated(c, filled, 200);
}

/** Where an end of the path lives. */
const endPath = (ctx: SurveyContext, kind: 'thanks' | 'ineligible') =>
  `${header(ctx).base}/${kind === 'thanks' ? 'thanks' : 'not-eligible'}`;

export function renderCheck(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  view: CheckView,
  errors: FieldError[],
  status: 200 | 409 | 422 | 429,
) {
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

function stepBody(ctx: SurveyContext, step: Step): StepBody {
  if (step.kind === 'eligibility')
    return {
      kind: 'eligibility',
      minYears: ctx.framework.iitMinYearsOfService,
      singleUse: ctx.link.singleUseIit,
    };
  if (step.kind === 'about')
    return { kind: 'about', fields: demographicFields(ctx.framework, ctx.tool) };
  return { kind: 'page', title: step.page.title, questions: step.page.questions };
}

/** The names of a step's fields. */
function fieldsOf(body: StepBody): string[] {
  if (body.kind === 'eligibility') return ['eligible', 'access_code'];
  if (body.kind === 'about') return body.fields.map((f) => f.code);
  return body.questions.flatMap((q) => q.items.map((i) => `${q.code}.${i.n}`));
}

export async function renderStep(
  c: Context<AppEnv>,
  ctx: SurveyContext,
  step: string,
  read: Step,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  const body = stepBody(ctx, read);
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
