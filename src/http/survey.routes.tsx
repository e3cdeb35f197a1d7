// The respondent's path over /go/{iit|eit}/{code}: start, steps, check, submit, thanks.
// Works without JavaScript: the answers so far travel sealed (encrypted, authenticated) in the
// survey's own cookie, so back, reload and outages keep them while the server stores nothing.
// Each route makes one service call (services/survey.service.ts) and renders its outcome
// (survey-render.tsx); the cookies are in survey-cookies.ts.
import { Hono, type Context } from 'hono';
import type { AppEnv } from './context.ts';
import { clientAddress } from './client-address.ts';
import { formFields } from './form-body.ts';
import {
  dropState,
  header,
  keepChosenLanguage,
  keepState,
  markAnswered,
  stateOf,
} from './survey-cookies.ts';
import {
  renderCheck,
  renderClosed,
  renderEnd,
  renderStart,
  renderStep,
  toErrors,
  valuesOf,
} from './survey-render.tsx';

export const surveyRoutes = new Hono<AppEnv>();

surveyRoutes.use('/go/*', keepChosenLanguage);

const surveys = (c: Context<AppEnv>) => c.get('services').surveys;
const code = (c: Context<AppEnv>) => c.req.param('code') ?? '';
const tool = (c: Context<AppEnv>) => c.req.param('tool') ?? '';

/** A form's text fields (files are never expected), without the CSRF token. */
async function formInput(c: Context<AppEnv>): Promise<Record<string, string>> {
  // Left out, not deleted afterwards: a delete turns the object of some 60 answers into a slow
  // dictionary that every later read of it pays for.
  return formFields(c, '_csrf');
}

surveyRoutes.get('/go/:tool/:code', async (c) => {
  const r = await surveys(c).startPage(code(c), tool(c), stateOf(c));
  if (!r) return c.notFound();
  if (r.ctx.window.state !== 'open') return renderClosed(c, r.ctx, 200);
  const { ctx, draft, submission } = r;
  return renderStart(c, ctx, {
    draft,
    submission,
    values: valuesOf(draft),
    errors: [],
    status: 200,
  });
});

// The one-document form's single POST (JavaScript): every answer at once, checked by the same
// domain rules as the steps and the API, stored through the same pipeline as the check page's
// submit. Refused: the same document again with the errors on their step and everything typed.
surveyRoutes.post('/go/:tool/:code/send', async (c) => {
  const input = await formInput(c);
  const r = await surveys(c).submitWholeForm(code(c), tool(c), input, clientAddress(c));
  if (!r) return c.notFound();
  const { ctx, outcome } = r;
  // Answered with the end page itself, not a redirect to it: one request fewer for each
  // respondent; the page's script shows its own address, so a reload is a GET (ADR 0024). A
  // second send of the same form stores nothing more (the sealed id), so a resend is harmless.
  if (outcome.ok) {
    dropState(c, ctx);
    markAnswered(c, ctx);
    return renderEnd(c, ctx, 'thanks', 'answer');
  }
  if (outcome.refused === 'ineligible') {
    dropState(c, ctx);
    return renderEnd(c, ctx, 'ineligible', 'answer');
  }
  if (outcome.refused === 'closed') return renderClosed(c, ctx, 409);
  if (outcome.refused === 'not_found') return c.notFound();
  const values = { ...input };
  delete values.submission;
  const submission = r.submission ?? '';
  if (outcome.refused === 'rate_limited') {
    c.header('Retry-After', String(outcome.retryAfterSeconds ?? 60));
    const message = c.get('t').surveys.errors.rateLimited;
    const errors = [{ field: 'submit', message }];
    return renderStart(c, ctx, { draft: undefined, submission, values, errors, status: 429 });
  }
  const errors = toErrors(c, ctx, outcome.problems);
  return renderStart(c, ctx, { draft: undefined, submission, values, errors, status: 422 });
});

// The ends of the path hold nothing personal (no form, no state): revalidated by ETag.
for (const kind of ['thanks', 'ineligible'] as const)
  surveyRoutes.get(
    `/go/:tool/:code/${kind === 'thanks' ? 'thanks' : 'not-eligible'}`,
    async (c) => {
      const ctx = await surveys(c).resolve(code(c), tool(c));
      if (!ctx) return c.notFound();
      return renderEnd(c, ctx, kind);
    },
  );

surveyRoutes.get('/go/:tool/:code/check', async (c) => {
  const r = await surveys(c).checkPage(code(c), tool(c), stateOf(c));
  if (!r) return c.notFound();
  if (r.ctx.window.state !== 'open') return renderClosed(c, r.ctx, 200);
  return renderCheck(c, r.ctx, r.view, [], 200);
});

surveyRoutes.post('/go/:tool/:code/submit', async (c) => {
  const form = await formInput(c);
  const r = await surveys(c).submitDraft(
    code(c),
    tool(c),
    stateOf(c),
    form.submission,
    clientAddress(c),
  );
  if (!r) return c.notFound();
  const { ctx, outcome, check } = r;
  const base = header(ctx).base;
  if (outcome.ok) {
    dropState(c, ctx);
    markAnswered(c, ctx);
    return c.redirect(`${base}/thanks`, 303);
  }
  if (outcome.refused === 'incomplete') return c.redirect(`${base}/${outcome.step}`, 303);
  if (outcome.refused === 'closed') return renderClosed(c, ctx, 409);
  if (outcome.refused === 'not_found' || !check) return c.notFound();
  if (outcome.refused === 'rate_limited') {
    c.header('Retry-After', String(outcome.retryAfterSeconds ?? 60));
    const message = c.get('t').surveys.errors.rateLimited;
    return renderCheck(c, ctx, check, [{ field: 'submit', message }], 429);
  }
  return renderCheck(c, ctx, check, toErrors(c, ctx, outcome.problems), 422);
});

surveyRoutes.get('/go/:tool/:code/:step', async (c) => {
  const step = c.req.param('step');
  const r = await surveys(c).stepPage(code(c), tool(c), step, stateOf(c));
  if (!r) return c.notFound();
  if (r.ctx.window.state !== 'open') return renderClosed(c, r.ctx, 200);
  if (r.goTo) return c.redirect(`${header(r.ctx).base}/${r.goTo}`, 303);
  return renderStep(c, r.ctx, step, r.step, valuesOf(r.draft), [], 200);
});

surveyRoutes.post('/go/:tool/:code/:step', async (c) => {
  const step = c.req.param('step');
  const input = await formInput(c);
  const returnToCheck = c.req.query('return') === 'check';
  const r = await surveys(c).answerStep(code(c), tool(c), step, stateOf(c), input, returnToCheck);
  if (!r) return c.notFound();
  const { ctx, outcome } = r;
  const base = header(ctx).base;
  if (outcome.kind === 'closed') return renderClosed(c, ctx, 409);
  if (outcome.kind === 'ineligible') {
    dropState(c, ctx);
    return c.redirect(`${base}/not-eligible`, 303);
  }
  if (outcome.state) keepState(c, ctx, outcome.state);
  if (outcome.kind === 'invalid') {
    const errors = toErrors(c, ctx, outcome.problems);
    return renderStep(c, ctx, step, r.step, outcome.values, errors, 422);
  }
  return c.redirect(`${base}/${outcome.next}`, 303);
});
