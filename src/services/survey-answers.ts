// The respondent's answers for one resolved survey (SurveyContext): each step checked by the
// one parser, the check page's view, and the three ways to submit — the check page, the
// one-document form and the API — through the same pipeline (services.responses.submit).
import { thaiDay } from '../domain/calendar.ts';
import { bare, problem, retryAtOf, type Problem } from '../domain/problem.ts';
import { parseAllAnswers, parseAnswers, parseDemographics } from '../domain/submission.ts';
import {
  firstIncompleteStep,
  parseEligibility,
  parseWholeForm,
  readStep,
} from '../domain/survey-form.ts';
import type { ResponseService } from './response.service.ts';
import type { SurveyGuard } from './survey-guard.service.ts';
import type { SurveyContext } from './survey-lookup.ts';
import type { Draft, SurveyStates } from './survey-state.ts';
import type { ServiceContext } from './service-options.ts';

/** The one submission use case (services.responses.submit). */
export type SubmitResponse = ResponseService['submit'];

export type StepOutcome =
  /** `state`: the new sealed state for the browser to carry (undefined: keep what it has). */
  | { kind: 'saved'; state: string | undefined; next: string }
  /** `values`: what the form shows again — the state's answers and everything typed. */
  | {
      kind: 'invalid';
      problems: Problem[];
      state: string | undefined;
      values: Record<string, string>;
    }
  | { kind: 'ineligible' }
  | { kind: 'closed' };

export type SubmitOutcome =
  | { ok: true; responseId: string; created: boolean }
  | {
      ok: false;
      /** not_found: no such survey link; closed: not open today; refused: the rate limits. */
      refused: 'not_found' | 'closed' | 'invalid' | 'rate_limited';
      problems: Problem[];
      retryAfterSeconds?: number;
    };

/** The fields of the API's body (checked for shape by the route). */
export interface ApiSubmission {
  response_id: string;
  answers: Record<string, unknown>;
  demographics?: Record<string, unknown> | undefined;
  access_code?: string | undefined;
}

export function createSurveyAnswers({
  clock,
  ...deps
}: Pick<ServiceContext, 'clock'> & {
  submit: SubmitResponse;
  guard: SurveyGuard;
  states: SurveyStates;
}) {
  const { guard, states } = deps;
  const { loadDraft, sealSubmission, responseIdOf } = states;
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
      return {
        ok: false,
        refused: 'invalid',
        problems: [bare('access_code', 'access_code_missing')],
      };
    const ticket = await guard.ticket(key, address, singleUse ? accessCode : undefined);
    const result = await deps.submit(
      {
        responseId,
        fiscalYear: key.fiscalYear,
        agencyCode: key.agencyCode,
        tool: ctx.tool,
        answers,
        demographics,
        submittedOn: thaiDay(clock()),
      },
      ticket,
    );
    if (!result.ok) {
      const retryAt = retryAtOf(result.error);
      const problems = result.error;
      return retryAt
        ? {
            ok: false,
            refused: 'rate_limited',
            retryAfterSeconds: Math.max(
              1,
              Math.ceil((retryAt.getTime() - clock().getTime()) / 1000),
            ),
            problems,
          }
        : { ok: false, refused: 'invalid', problems };
    }
    return { ok: true, responseId, created: result.value.created };
  }

  return {
    /**
     * Checks one step's answers and returns the browser's new sealed state (made by the first
     * valid step, so someone who stops at once carries nothing). Nothing is stored.
     */
    async answerStep(
      ctx: SurveyContext,
      state: string | undefined,
      step: string,
      input: Record<string, unknown>,
      returnToCheck = false,
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
      if (!read) return { kind: 'invalid', problems: [], state: undefined, values: {} };
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
      if (problems.length > 0) {
        // What the respondent typed on this page, valid or not, plus what the state holds.
        const values: Record<string, string> = { ...draft.answers, ...draft.demographics };
        for (const [k, v] of Object.entries(input)) if (typeof v === 'string') values[k] = v;
        return { kind: 'invalid', problems, state: sealed, values };
      }
      const next = firstIncompleteStep(ctx.framework, ctx.tool, draft, ctx.link.singleUseIit);
      const after = ctx.steps[ctx.steps.indexOf(step) + 1];
      const then = next === undefined ? 'check' : (after ?? next);
      // From the check page's "change" link: back to the check page, unless eligibility is owed.
      return {
        kind: 'saved',
        state: sealed,
        next: returnToCheck && then !== 'eligibility' ? 'check' : then,
      };
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

    /** Submits the answers a browser carries (HTML path); nothing was stored before this. */
    async submitDraft(
      ctx: SurveyContext,
      state: string | undefined,
      submission: string | undefined,
      address: string | undefined,
    ): Promise<SubmitOutcome | { ok: false; refused: 'incomplete'; step: string }> {
      if (ctx.window.state !== 'open')
        return { ok: false, refused: 'closed', problems: [closedProblem(ctx)] };
      const draft = loadDraft(ctx, state);
      const missing = firstIncompleteStep(ctx.framework, ctx.tool, draft, ctx.link.singleUseIit);
      if (!draft || missing)
        return { ok: false, refused: 'incomplete', step: missing ?? ctx.steps[0]! };
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
    ): Promise<SubmitOutcome | { ok: false; refused: 'ineligible' }> {
      if (ctx.window.state !== 'open')
        return { ok: false, refused: 'closed', problems: [closedProblem(ctx)] };
      const form = parseWholeForm(ctx.framework, ctx.tool, input, ctx.link.singleUseIit);
      if (form.ineligible) return { ok: false, refused: 'ineligible' };
      if (form.problems.length > 0)
        return { ok: false, refused: 'invalid', problems: form.problems };
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
      ctx: SurveyContext,
      body: ApiSubmission,
      address: string | undefined,
    ): Promise<SubmitOutcome> {
      if (ctx.window.state !== 'open')
        return { ok: false, refused: 'closed', problems: [closedProblem(ctx)] };
      const a = parseAllAnswers(ctx.framework, ctx.tool, body.answers);
      const d = parseDemographics(ctx.framework, ctx.tool, body.demographics ?? {});
      const problems = [
        ...a.problems.map((p) => ({
          ...p,
          field: p.field.startsWith('answers.') ? p.field : `answers.${p.field}`,
        })),
        ...d.problems.map((p) => ({ ...p, field: `demographics.${p.field}` })),
      ];
      if (problems.length > 0) return { ok: false, refused: 'invalid', problems };
      return finish(ctx, body.response_id, a.answers, d.demographics, address, body.access_code);
    },
  };
}

export type SurveyAnswers = ReturnType<typeof createSurveyAnswers>;
