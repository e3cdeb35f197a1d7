// The respondent's path and the survey API: resolve a link (survey-lookup.ts), check each page
// through the one parser (domain/submission.ts, domain/survey-form.ts), and submit through
// services.responses (never writing responses here). The in-progress answers are sealed into a
// state the respondent's browser carries (survey-state.ts): the server stores nothing until the
// final submit, and the response id is made only on the last page.
import { thaiDay } from '../domain/calendar.ts';
import { bare, problem, retryAtOf, type Problem } from '../domain/problem.ts';
import { parseAllAnswers, parseAnswers, parseDemographics } from '../domain/submission.ts';
import {
  firstIncompleteStep,
  parseEligibility,
  parseWholeForm,
  readStep,
} from '../domain/survey-form.ts';
import type { Db } from '../storage/database.ts';
import type { SurveyGuard } from './survey-guard.service.ts';
import type { ResponseService } from './response.service.ts';
import {
  createSurveyLookupCache,
  createSurveyResolver,
  type SurveyContext,
  type SurveyLookupCache,
} from './survey-lookup.ts';
import { createSurveyStates, type Draft } from './survey-state.ts';

export { createSurveyLookupCache, toSurveyTool, type SurveyContext } from './survey-lookup.ts';
export { STATE_DAYS, type Draft } from './survey-state.ts';

/** The one submission use case (services.responses.submit). */
export type SubmitResponse = ResponseService['submit'];

export type StepOutcome =
  /** `state`: the new sealed state for the browser to carry (undefined: keep what it has). */
  | { kind: 'saved'; state: string | undefined; next: string }
  | { kind: 'invalid'; problems: Problem[]; state: string | undefined; draft: Draft }
  | { kind: 'ineligible' }
  | { kind: 'closed' };

export type SubmitOutcome =
  | { ok: true; responseId: string; created: boolean }
  | {
      ok: false;
      status: 404 | 409 | 422 | 429;
      problems: Problem[];
      retryAfterSeconds?: number;
    };

export function createSurveyService(
  db: Db,
  deps: {
    submit: SubmitResponse;
    guard: SurveyGuard;
    now: () => Date;
    cache?: SurveyLookupCache;
    /** The survey secret (configuration): the browser's state is sealed under a key from it. */
    secret: string;
  },
) {
  const { guard, now } = deps;
  const states = createSurveyStates(deps.secret, now);
  const { loadDraft, sealSubmission, responseIdOf } = states;
  const resolve = createSurveyResolver(db, now, deps.cache ?? createSurveyLookupCache(0));
  const closedProblem = (ctx: SurveyContext) =>
    problem('window', 'survey_closed', { tool: ctx.tool });

  async function finish(
    ctx: SurveyContext,
    responseId: string,
    answers: Record<string, string>,
    demographics: Draft['demographics'],
    address: string | undefined,
    accessCode: string | undefined,
  ): Promise<SubmitOutcome> {
    const key = {
      fiscalYear: ctx.link.fiscalYear,
      agencyCode: ctx.link.agencyCode,
      tool: ctx.tool,
      linkCode: ctx.link.code,
    };
    const singleUse = ctx.tool === 'IIT' && ctx.link.singleUseIit;
    if (singleUse && !accessCode)
      return { ok: false, status: 422, problems: [bare('access_code', 'access_code_missing')] };
    const ticket = await guard.ticket(key, address, singleUse ? accessCode : undefined);
    const result = await deps.submit(
      {
        responseId,
        fiscalYear: key.fiscalYear,
        agencyCode: key.agencyCode,
        tool: ctx.tool,
        answers,
        demographics,
        submittedOn: thaiDay(now()),
      },
      ticket,
    );
    if (!result.ok) {
      const retryAt = retryAtOf(result.error);
      const problems = result.error;
      return retryAt
        ? {
            ok: false,
            status: 429,
            retryAfterSeconds: Math.max(1, Math.ceil((retryAt.getTime() - now().getTime()) / 1000)),
            problems,
          }
        : { ok: false, status: 422, problems };
    }
    return { ok: true, responseId, created: result.value.created };
  }

  return {
    resolve,
    loadDraft,

    /**
     * Checks one step's answers and returns the browser's new sealed state (made by the first
     * valid step, so someone who stops at once carries nothing). Nothing is stored.
     */
    async answerStep(
      ctx: SurveyContext,
      state: string | undefined,
      step: string,
      input: Record<string, unknown>,
    ): Promise<StepOutcome> {
      if (ctx.window.state !== 'open') return { kind: 'closed' };
      const existing = loadDraft(ctx, state);
      const draft: Draft = existing
        ? {
            ...existing,
            demographics: { ...existing.demographics },
            answers: { ...existing.answers },
          }
        : { demographics: {}, answers: {} };
      let problems: Problem[];
      const read = readStep(ctx.tool, ctx.pages, step);
      if (!read) return { kind: 'invalid', problems: [], state: undefined, draft };
      if (read.kind === 'eligibility') {
        const e = parseEligibility(input, ctx.link.singleUseIit);
        // Someone who may not answer keeps nothing: the route drops the state too.
        if (e.ineligible) return { kind: 'ineligible' };
        problems = e.problems;
        if (
          e.accessCode !== undefined &&
          !(await guard.accessCodeUsable(ctx.link.fiscalYear, ctx.link.agencyCode, e.accessCode))
        )
          problems.push(bare('access_code', 'access_code_refused'));
        else if (e.accessCode !== undefined) draft.accessCode = e.accessCode;
        if (problems.length === 0) draft.eligible = true;
      } else if (read.kind === 'about') {
        const r = parseDemographics(ctx.framework, ctx.tool, input);
        problems = r.problems;
        draft.demographics = { ...draft.demographics, ...r.demographics };
      } else {
        const r = parseAnswers(read.page.questions, input);
        problems = r.problems;
        draft.answers = { ...draft.answers, ...r.answers };
      }
      if (ctx.tool === 'IIT' && step !== 'eligibility' && !draft.eligible)
        return { kind: 'saved', state: undefined, next: 'eligibility' };
      // Keep what was valid even when part of the page is not, so nothing typed is lost.
      const sealed = problems.length === 0 || existing ? states.seal(ctx, draft) : undefined;
      if (problems.length > 0) return { kind: 'invalid', problems, state: sealed, draft };
      const next = firstIncompleteStep(ctx.framework, ctx.tool, draft, ctx.link.singleUseIit);
      const after = ctx.steps[ctx.steps.indexOf(step) + 1];
      return { kind: 'saved', state: sealed, next: next === undefined ? 'check' : (after ?? next) };
    },

    /**
     * The check page's content: the answers, and a sealed submission holding the response id,
     * made here on the last page (never earlier) so that pressing "send" twice, or a retry after
     * a lost reply, stores one response. Undefined when the answers are not complete.
     */
    checkView(
      ctx: SurveyContext,
      state: string | undefined,
    ): { draft: Draft; submission: string } | { draft: undefined; step: string } {
      const draft = loadDraft(ctx, state);
      const missing = firstIncompleteStep(ctx.framework, ctx.tool, draft, ctx.link.singleUseIit);
      if (!draft || missing) return { draft: undefined, step: missing ?? ctx.steps[0]! };
      return { draft, submission: sealSubmission(ctx) };
    },

    sealSubmission,

    /** Submits the answers a browser carries (HTML path); nothing was stored before this. */
    async submitDraft(
      ctx: SurveyContext,
      state: string | undefined,
      submission: string | undefined,
      address: string | undefined,
    ): Promise<SubmitOutcome | { ok: false; status: 303; step: string }> {
      if (ctx.window.state !== 'open')
        return { ok: false, status: 409, problems: [closedProblem(ctx)] };
      const draft = loadDraft(ctx, state);
      const missing = firstIncompleteStep(ctx.framework, ctx.tool, draft, ctx.link.singleUseIit);
      if (!draft || missing) return { ok: false, status: 303, step: missing ?? ctx.steps[0]! };
      const answers = parseAllAnswers(ctx.framework, ctx.tool, draft.answers).answers;
      return finish(
        ctx,
        responseIdOf(ctx, submission),
        answers,
        draft.demographics,
        address,
        draft.accessCode,
      );
    },

    /**
     * The whole survey in one POST (the one-document form with JavaScript): every step's fields
     * checked at once by the same domain rules as each step and the API, then the same pipeline
     * as the check page's submit. Nothing of the browser's state is needed.
     */
    async submitWholeForm(
      ctx: SurveyContext,
      input: Record<string, string>,
      submission: string | undefined,
      address: string | undefined,
    ): Promise<SubmitOutcome | { ok: false; status: 'ineligible' }> {
      if (ctx.window.state !== 'open')
        return { ok: false, status: 409, problems: [closedProblem(ctx)] };
      const form = parseWholeForm(ctx.framework, ctx.tool, input, ctx.link.singleUseIit);
      if (form.ineligible) return { ok: false, status: 'ineligible' };
      if (form.problems.length > 0) return { ok: false, status: 422, problems: form.problems };
      return finish(
        ctx,
        responseIdOf(ctx, submission),
        form.answers,
        form.demographics,
        address,
        form.accessCode,
      );
    },

    /** The API: one whole response in one call, idempotent on its response_id. */
    async submitApi(
      code: string,
      toolParam: string,
      body: {
        response_id: string;
        answers: Record<string, unknown>;
        demographics?: Record<string, unknown> | undefined;
        access_code?: string | undefined;
      },
      address: string | undefined,
    ): Promise<SubmitOutcome> {
      const ctx = await resolve(code, toolParam);
      if (!ctx)
        return {
          ok: false,
          status: 404,
          problems: [bare('code', 'link_unknown')],
        };
      if (ctx.window.state !== 'open')
        return { ok: false, status: 409, problems: [closedProblem(ctx)] };
      const a = parseAllAnswers(ctx.framework, ctx.tool, body.answers);
      const d = parseDemographics(ctx.framework, ctx.tool, body.demographics ?? {});
      const problems = [
        ...a.problems.map((p) => ({
          ...p,
          field: p.field.startsWith('answers.') ? p.field : `answers.${p.field}`,
        })),
        ...d.problems.map((p) => ({ ...p, field: `demographics.${p.field}` })),
      ];
      if (problems.length > 0) return { ok: false, status: 422, problems };
      return finish(ctx, body.response_id, a.answers, d.demographics, address, body.access_code);
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
