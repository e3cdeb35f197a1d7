// The respondent's path and the survey API, one function per request: each resolves the link
// (survey-lookup.ts) and does the request's whole use case (survey-answers.ts), so a route makes
// one call. Answers are checked by the one parser (domain/submission.ts) and stored only by
// services.responses; until the final submit they travel sealed in the browser
// (survey-state.ts), and the response id is made only on the last page.
import { bare } from '../domain/problem.ts';
import { readStep, type Step } from '../domain/survey-form.ts';
import type { SurveyGuard } from './survey-guard.service.ts';
import {
  createSurveyAnswers,
  type ApiSubmission,
  type StepOutcome,
  type SubmitOutcome,
  type SubmitResponse,
} from './survey-answers.ts';
import {
  createSurveyLookupCache,
  createSurveyResolver,
  type SurveyContext,
  type SurveyLookupCache,
} from './survey-lookup.ts';
import { createSurveyStates, type Draft } from './survey-state.ts';
import type { ServiceConfig, ServiceContext } from './service-options.ts';

export { createSurveyLookupCache, toSurveyTool, type SurveyContext } from './survey-lookup.ts';
export { STATE_DAYS, type Draft } from './survey-state.ts';
export type { StepOutcome, SubmitOutcome, SubmitResponse } from './survey-answers.ts';

/** The check page's content, or the step still to answer. */
export type CheckView = { draft: Draft; submission: string } | { draft: undefined; step: string };

export function createSurveyService({
  db,
  clock,
  config,
  ...deps
}: Pick<ServiceContext, 'db' | 'clock'> & {
  /** The survey secret: the browser's state is sealed under a key from it. */
  config: Pick<ServiceConfig, 'surveySecret'>;
  submit: SubmitResponse;
  guard: SurveyGuard;
  cache?: SurveyLookupCache;
}) {
  const states = createSurveyStates({ clock, config });
  const resolve = createSurveyResolver({
    db,
    clock,
    cache: deps.cache ?? createSurveyLookupCache(0),
  });
  const answers = createSurveyAnswers({ clock, ...deps, states });

  return {
    /** The survey a link names (the pages that need nothing else: thanks, not eligible). */
    resolve,
    /** The answers a browser's sealed state holds (undefined: absent, altered or expired). */
    loadDraft: states.loadDraft,

    /** The start page: the survey, the browser's answers so far and a fresh sealed id. */
    async startPage(code: string, tool: string, state: string | undefined) {
      const ctx = await resolve(code, tool);
      if (!ctx) return undefined;
      return {
        ctx,
        draft: states.loadDraft(ctx, state),
        submission: states.sealSubmission(ctx),
      };
    },

    /**
     * One step's page; undefined for no such survey or step. `goTo`: an IIT step before the
     * eligibility question is answered sends the respondent there first.
     */
    async stepPage(
      code: string,
      tool: string,
      step: string,
      state: string | undefined,
    ): Promise<
      { ctx: SurveyContext; step: Step; draft: Draft | undefined; goTo?: 'eligibility' } | undefined
    > {
      const ctx = await resolve(code, tool);
      const read = ctx && readStep(ctx.tool, ctx.pages, step);
      if (!ctx || !read) return undefined;
      const draft = states.loadDraft(ctx, state);
      if (ctx.tool === 'IIT' && read.kind !== 'eligibility' && !draft?.eligible)
        return { ctx, step: read, draft, goTo: 'eligibility' };
      return { ctx, step: read, draft };
    },

    /** Checks one step's answers (see survey-answers.ts); undefined for no such survey or step. */
    async answerStep(
      code: string,
      tool: string,
      step: string,
      state: string | undefined,
      input: Record<string, string>,
      returnToCheck: boolean,
    ): Promise<{ ctx: SurveyContext; step: Step; outcome: StepOutcome } | undefined> {
      const ctx = await resolve(code, tool);
      const read = ctx && readStep(ctx.tool, ctx.pages, step);
      if (!ctx || !read) return undefined;
      const outcome = await answers.answerStep(ctx, state, step, input, returnToCheck);
      return { ctx, step: read, outcome };
    },

    /** The check page (answers and a sealed response id), or the step still to answer. */
    async checkPage(code: string, tool: string, state: string | undefined) {
      const ctx = await resolve(code, tool);
      return ctx && { ctx, view: answers.checkView(ctx, state) };
    },

    /**
     * The check page's submit: the answers the browser carries. Refused, it carries the check
     * page's content again.
     */
    async submitDraft(
      code: string,
      tool: string,
      state: string | undefined,
      submission: string | undefined,
      address: string | undefined,
    ) {
      const ctx = await resolve(code, tool);
      if (!ctx) return undefined;
      const outcome = await answers.submitDraft(ctx, state, submission, address);
      const check: CheckView | undefined =
        !outcome.ok && (outcome.refused === 'invalid' || outcome.refused === 'rate_limited')
          ? answers.checkView(ctx, state)
          : undefined;
      return { ctx, outcome, check };
    },

    /**
     * The one-document form's single POST. Refused, it carries a fresh sealed id for the form
     * shown again.
     */
    async submitWholeForm(
      code: string,
      tool: string,
      input: Record<string, string>,
      address: string | undefined,
    ) {
      const ctx = await resolve(code, tool);
      if (!ctx) return undefined;
      const outcome = await answers.submitWholeForm(ctx, input, input.submission, address);
      return {
        ctx,
        outcome,
        submission: outcome.ok ? undefined : states.sealSubmission(ctx),
      };
    },

    /** The API: one whole response in one call, idempotent on its response_id. */
    async submitApi(
      code: string,
      tool: string,
      body: ApiSubmission,
      address: string | undefined,
    ): Promise<SubmitOutcome> {
      const ctx = await resolve(code, tool);
      if (!ctx)
        return { ok: false, refused: 'not_found', problems: [bare('code', 'link_unknown')] };
      return answers.submitApi(ctx, body, address);
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
