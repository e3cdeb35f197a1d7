// The respondent's path and the survey API: resolve a link, keep a server-side draft under an
// opaque token, check each page, and submit through services.responses (never writing responses
// here). Ineligible staff leave nothing behind; drafts are deleted at submission.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { thaiDay, phaseState, type Calendar, type PhaseState } from '../domain/calendar.ts';
import { getFramework } from '../domain/framework/registry.ts';
import type { Framework, SurveyTool } from '../domain/framework/schema.ts';
import type { Problem, Result } from '../domain/result.ts';
import {
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
import { deleteDraft, findDraft, saveDraft } from '../storage/survey-draft.repository.ts';
import { findLinkByCode, type LinkedAgency } from '../storage/survey-link.repository.ts';
import { createSurveyCache, type SurveyCache } from './survey-cache.ts';
import type { SurveyGuard } from './survey-guard.service.ts';
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

export interface Draft extends DraftAnswers {
  responseId: string;
}

export type StepOutcome =
  | { kind: 'saved'; token: string; next: string }
  | { kind: 'invalid'; problems: FieldProblem[] }
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

const DRAFT_DAYS = 7;
const hashToken = (t: string) => createHash('sha256').update(t).digest('base64url');

export function toSurveyTool(s: string): SurveyTool | undefined {
  const u = s.toUpperCase();
  return u === 'IIT' || u === 'EIT' ? u : undefined;
}

export interface ResolvedLink {
  link: LinkedAgency;
  framework: Framework;
  calendar: Calendar;
}

export function createSurveyService(
  db: Db,
  deps: {
    submit: SubmitResponse;
    guard: SurveyGuard;
    now: () => Date;
    cache?: SurveyCache<ResolvedLink | null>;
  },
) {
  const { guard, now } = deps;
  const cache = deps.cache ?? createSurveyCache<ResolvedLink | null>(0);

  async function lookup(code: string): Promise<ResolvedLink | null> {
    const t = now().getTime();
    const hit = cache.get(code, t);
    if (hit !== undefined) return hit;
    const link = await findLinkByCode(db, code);
    const frameworkId = link ? await yearExists(db, link.fiscalYear) : undefined;
    const framework = frameworkId ? getFramework(frameworkId) : undefined;
    const value =
      link && framework
        ? { link, framework, calendar: await loadCalendar(db, link.fiscalYear) }
        : null;
    cache.set(code, value, t);
    return value;
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

  async function loadDraft(
    ctx: SurveyContext,
    token: string | undefined,
  ): Promise<Draft | undefined> {
    if (!token) return undefined;
    const row = await findDraft(db, hashToken(token), now());
    if (!row || row.linkCode !== ctx.link.code || row.tool !== ctx.tool) return undefined;
    return row.data as Draft;
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
      return {
        ok: false,
        status: 422,
        problems: [
          {
            field: 'access_code',
            th: 'กรุณากรอกรหัสเข้าตอบที่หน่วยงานมอบให้',
            en: 'Enter the access code your agency gave you',
          },
        ],
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

    /** Saves one step's answers to the draft (created on the first valid step). */
    async answerStep(
      ctx: SurveyContext,
      token: string | undefined,
      step: string,
      input: Record<string, unknown>,
    ): Promise<StepOutcome> {
      if (ctx.window.state !== 'open') return { kind: 'closed' };
      const existing = await loadDraft(ctx, token);
      const draft: Draft = existing ?? { responseId: randomUUID(), demographics: {}, answers: {} };
      let problems: FieldProblem[] = [];
      if (step === 'eligibility' && ctx.tool === 'IIT') {
        const v = input.eligible;
        if (v === 'no') {
          // Nothing is kept for someone who may not answer: not even their draft.
          if (token) await deleteDraft(db, hashToken(token));
          return { kind: 'ineligible' };
        }
        if (v !== 'yes')
          problems.push({
            field: 'eligible',
            th: 'กรุณาตอบว่าท่านปฏิบัติงานในหน่วยงานนี้มาแล้วตามระยะเวลาที่กำหนดหรือไม่',
            en: 'Say whether you have worked at this agency for the required time',
          });
        if (ctx.link.singleUseIit) {
          const code = normaliseCode(
            typeof input.access_code === 'string' ? input.access_code : '',
          );
          if (!code)
            problems.push({
              field: 'access_code',
              th: 'กรุณากรอกรหัสเข้าตอบที่หน่วยงานมอบให้',
              en: 'Enter the access code your agency gave you',
            });
          else if (!(await guard.accessCodeUsable(ctx.link.fiscalYear, ctx.link.agencyCode, code)))
            problems.push({
              field: 'access_code',
              th: 'รหัสเข้าตอบไม่ถูกต้องหรือถูกใช้ไปแล้ว',
              en: 'The access code is wrong or has been used',
            });
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
        if (!page) return { kind: 'invalid', problems: [] };
        const r = validateAnswers(page.questions, input);
        problems = r.problems;
        draft.answers = { ...draft.answers, ...r.answers };
      }
      if (ctx.tool === 'IIT' && step !== 'eligibility' && !draft.eligible)
        return { kind: 'saved', token: token ?? '', next: 'eligibility' };
      // Keep what was valid even when part of the page is not, so nothing typed is lost.
      const t = existing && token ? token : randomBytes(32).toString('base64url');
      if (problems.length === 0 || existing) {
        const expires = new Date(now().getTime() + DRAFT_DAYS * 86_400_000);
        await saveDraft(
          db,
          hashToken(t),
          { linkCode: ctx.link.code, tool: ctx.tool, data: draft },
          expires,
        );
      }
      if (problems.length > 0) return { kind: 'invalid', problems };
      const next = firstIncompleteStep(ctx.framework, ctx.tool, draft, ctx.link.singleUseIit);
      const after = ctx.steps[ctx.steps.indexOf(step) + 1];
      return { kind: 'saved', token: t, next: next === undefined ? 'check' : (after ?? next) };
    },

    /** Submits a complete draft from the HTML path and deletes it. */
    async submitDraft(
      ctx: SurveyContext,
      token: string | undefined,
      address: string | undefined,
    ): Promise<SubmitOutcome | { ok: false; status: 303; step: string }> {
      if (ctx.window.state !== 'open')
        return { ok: false, status: 409, problems: [closedProblem(ctx)] };
      const draft = await loadDraft(ctx, token);
      const missing = firstIncompleteStep(ctx.framework, ctx.tool, draft, ctx.link.singleUseIit);
      if (!draft || missing) return { ok: false, status: 303, step: missing ?? ctx.steps[0]! };
      const answers = validateAllAnswers(ctx.framework, ctx.tool, draft.answers).answers;
      const outcome = await finish(
        ctx,
        draft.responseId,
        answers,
        draft.demographics,
        address,
        draft.accessCode,
      );
      if (outcome.ok) await deleteDraft(db, hashToken(token!));
      return outcome;
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
