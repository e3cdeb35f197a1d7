// The respondent's path and the survey API: resolve a link, check each page, and submit through
// services.responses (never writing responses here). The in-progress answers are sealed
// (AES-256-GCM) into a state that the respondent's browser carries from page to page: the server
// stores nothing until the final submit, and the response id is made only on the last page.
import { randomUUID } from 'node:crypto';
import { thaiDay, phaseState, type Calendar, type PhaseState } from '../domain/calendar.ts';
import { resolveFramework } from './framework-resolver.ts';
import type { Framework, SurveyTool } from '../domain/framework/schema.ts';
import type { Problem, Result } from '../domain/result.ts';
import {
  ACCESS_CODE_MISSING,
  ACCESS_CODE_REFUSED,
  ELIGIBILITY_MISSING,
  parseWholeForm,
  firstIncompleteStep,
  surveyPages,
  surveySteps,
  validateAllAnswers,
  validateAnswers,
  validateDemographics,
  type DraftAnswers,
  type FieldProblem,
  type SurveyPage,
} from '../domain/survey-form.ts';
import { normaliseCode } from '../domain/survey-guard.ts';
import type { Db } from '../storage/database.ts';
import { loadCalendar, yearExists } from '../storage/calendar.repository.ts';
import { findLinkByCode, type LinkedAgency } from '../storage/survey-link.repository.ts';
import { createSurveyCache, type SurveyCache } from './survey-cache.ts';
import type { SurveyGuard } from './survey-guard.service.ts';
import { createSealer } from './survey-keys.ts';
import type { AdmissionTicket } from '../storage/submission.repository.ts';

/** The storage helper's submission use case (services.responses.submit). */
export type SubmitResponse = (
  input: {
    responseId: string;
    fiscalYear: number;
    agencyCode: string;
    tool: SurveyTool;
    answers: Record<string, string>;
    demographics: { gender?: string; age_band?: string; education?: string; contact_type?: string };
    submittedOn: string;
  },
  ticket?: AdmissionTicket,
) => Promise<Result<{ created: boolean }, Problem[]>>;

export interface SurveyContext {
  link: LinkedAgency;
  tool: SurveyTool;
  framework: Framework;
  window: PhaseState;
  pages: readonly SurveyPage[];
  steps: string[];
}

export type Draft = DraftAnswers;

export type StepOutcome =
  /** `state`: the new sealed state for the browser to carry (undefined: keep what it has). */
  | { kind: 'saved'; state: string | undefined; next: string }
  | { kind: 'invalid'; problems: FieldProblem[]; state: string | undefined; draft: Draft }
  | { kind: 'ineligible' }
  | { kind: 'closed' };

export type SubmitOutcome =
  | { ok: true; responseId: string; created: boolean }
  | {
      ok: false;
      status: 404 | 409 | 422 | 429;
      problems: FieldProblem[];
      retryAfterSeconds?: number;
    };

/** How long a browser's sealed state stays usable (also its cookie's lifetime). */
export const STATE_DAYS = 7;
/** How long the check page's sealed submission (the response id) stays usable. */
const SUBMISSION_HOURS = 24;

interface SealedState extends DraftAnswers {
  /** Unusable after this instant (ms since epoch): a copied state does not live for ever. */
  until: number;
}

export function toSurveyTool(s: string): SurveyTool | undefined {
  const u = s.toUpperCase();
  return u === 'IIT' || u === 'EIT' ? u : undefined;
}

export interface ResolvedLink {
  link: LinkedAgency;
  framework: Framework;
  calendar: Calendar;
}

/** What survey links resolve to, kept briefly (survey-cache.ts); cleared on any change. */
export interface SurveyLookupCache {
  links: SurveyCache<LinkedAgency | null>;
  years: SurveyCache<{ framework: Framework; calendar: Calendar } | null>;
  clear(): void;
}

export function createSurveyLookupCache(ttlMs?: number): SurveyLookupCache {
  const links = createSurveyCache<LinkedAgency | null>(ttlMs);
  const years = createSurveyCache<{ framework: Framework; calendar: Calendar } | null>(ttlMs);
  return {
    links,
    years,
    clear: () => {
      links.clear();
      years.clear();
    },
  };
}

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
  const states = createSealer(deps.secret, 'survey state v1');
  const submissions = createSealer(deps.secret, 'survey submission v1');
  // Bound to the survey: a state sealed for one link and tool is refused by every other.
  const stateContext = (ctx: SurveyContext) => `${ctx.tool}:${ctx.link.code}`;

  function seal(ctx: SurveyContext, draft: Draft): string {
    const value: SealedState = { ...draft, until: now().getTime() + STATE_DAYS * 86_400_000 };
    return states.seal(value, stateContext(ctx));
  }
  const cache = deps.cache ?? createSurveyLookupCache(0);

  // A link is looked up by its code; its year's framework and calendar once per year, not per
  // link, so a cache expiring under load costs one query per busy link and two per year.
  async function lookup(code: string): Promise<ResolvedLink | null> {
    const t = now().getTime();
    const link = await cache.links.load(
      code,
      t,
      async () => (await findLinkByCode(db, code)) ?? null,
    );
    if (!link) return null;
    const year = await cache.years.load(String(link.fiscalYear), t, async () => {
      const frameworkId = await yearExists(db, link.fiscalYear);
      const framework = frameworkId ? await resolveFramework(db, frameworkId) : undefined;
      return framework ? { framework, calendar: await loadCalendar(db, link.fiscalYear) } : null;
    });
    return year && { link, ...year };
  }

  async function resolve(code: string, toolParam: string): Promise<SurveyContext | undefined> {
    const tool = toSurveyTool(toolParam);
    if (!tool || !/^[a-z0-9]{4,32}$/.test(code)) return undefined;
    const found = await lookup(code);
    if (!found) return undefined;
    const { link, framework, calendar } = found;
    const window = phaseState(
      calendar,
      tool === 'IIT' ? 'iit' : 'eit',
      link.agencyCode,
      thaiDay(now()),
    );
    const pages = surveyPages(framework, tool);
    return { link, tool, framework, window, pages, steps: surveySteps(tool, pages.length) };
  }

  /** The answers a browser's sealed state holds; undefined when absent, altered or expired. */
  function loadDraft(ctx: SurveyContext, state: string | undefined): Draft | undefined {
    const v = states.open(state, stateContext(ctx)) as SealedState | undefined;
    if (!v || typeof v !== 'object' || !(v.until > now().getTime())) return undefined;
    const strings = (o: unknown): Record<string, string> =>
      Object.fromEntries(
        Object.entries(o && typeof o === 'object' ? o : {}).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
    return {
      ...(v.eligible === true ? { eligible: true } : {}),
      ...(typeof v.accessCode === 'string' ? { accessCode: v.accessCode } : {}),
      demographics: strings(v.demographics),
      answers: strings(v.answers),
    };
  }

  /** A fresh response id sealed for a form (valid 24 hours): sending twice stores one response. */
  function sealSubmission(ctx: SurveyContext): string {
    const until = now().getTime() + SUBMISSION_HOURS * 3_600_000;
    return submissions.seal({ id: randomUUID(), until }, stateContext(ctx));
  }

  /** The id sealed into the form; a form without one (or a stale one) gets a fresh id. */
  function responseIdOf(ctx: SurveyContext, submission: string | undefined): string {
    const sealed = submissions.open(submission, stateContext(ctx)) as
      { id?: unknown; until?: unknown } | undefined;
    return sealed && typeof sealed.id === 'string' && Number(sealed.until) > now().getTime()
      ? sealed.id
      : randomUUID();
  }

  const closedProblem = (ctx: SurveyContext): FieldProblem => ({
    field: 'window',
    th: `แบบวัด ${ctx.tool} ของหน่วยงานนี้ปิดรับคำตอบอยู่`,
    en: `The ${ctx.tool} survey of this agency is not open`,
  });

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
      return { ok: false, status: 422, problems: [ACCESS_CODE_MISSING] };
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
      const retryAt = result.error.find((p) => p.code === 'rate_limited')?.retryAt;
      const problems = result.error.map((p) => ({
        field: p.field ?? 'answers',
        th: p.th,
        en: p.en,
      }));
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
      let problems: FieldProblem[] = [];
      if (step === 'eligibility' && ctx.tool === 'IIT') {
        const v = input.eligible;
        // Someone who may not answer keeps nothing: the route drops the state too.
        if (v === 'no') return { kind: 'ineligible' };
        if (v !== 'yes') problems.push(ELIGIBILITY_MISSING);
        if (ctx.link.singleUseIit) {
          const code = normaliseCode(
            typeof input.access_code === 'string' ? input.access_code : '',
          );
          if (!code) problems.push(ACCESS_CODE_MISSING);
          else if (
            code.length > 64 ||
            !(await guard.accessCodeUsable(ctx.link.fiscalYear, ctx.link.agencyCode, code))
          )
            problems.push(ACCESS_CODE_REFUSED);
          else draft.accessCode = code;
        }
        if (problems.length === 0) draft.eligible = true;
      } else if (step === 'about') {
        const r = validateDemographics(ctx.framework, ctx.tool, input);
        problems = r.problems;
        draft.demographics = { ...draft.demographics, ...r.demographics };
      } else {
        const n = /^page-(\d+)$/.exec(step);
        const page = n ? ctx.pages[Number(n[1]) - 1] : undefined;
        if (!page) return { kind: 'invalid', problems: [], state: undefined, draft };
        const r = validateAnswers(page.questions, input);
        problems = r.problems;
        draft.answers = { ...draft.answers, ...r.answers };
      }
      if (ctx.tool === 'IIT' && step !== 'eligibility' && !draft.eligible)
        return { kind: 'saved', state: undefined, next: 'eligibility' };
      // Keep what was valid even when part of the page is not, so nothing typed is lost.
      const sealed = problems.length === 0 || existing ? seal(ctx, draft) : undefined;
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
      const answers = validateAllAnswers(ctx.framework, ctx.tool, draft.answers).answers;
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
          problems: [{ field: 'code', th: 'ไม่พบลิงก์แบบวัดนี้', en: 'No survey has this link' }],
        };
      if (ctx.window.state !== 'open')
        return { ok: false, status: 409, problems: [closedProblem(ctx)] };
      const a = validateAllAnswers(ctx.framework, ctx.tool, body.answers);
      const d = validateDemographics(ctx.framework, ctx.tool, body.demographics ?? {});
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
