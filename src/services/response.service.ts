// Use case of a respondent: submit one survey response (validated, stored idempotently, and a
// coalesced recompute of the agency enqueued), for the survey forms and the API.
import {
  createResponseValidator,
  isIsoDay,
  type ResponseValidator,
} from '../domain/response-validation.ts';
import type { Framework } from '../domain/framework/schema.ts';
import { err, ok, type Problem, type Result } from '../domain/result.ts';
import type { Db } from '../storage/database.ts';
import { allSameColumn } from '../domain/survey-form.ts';
import {
  storeSubmissions,
  type AdmissionTicket,
  type Submission,
  type SubmissionOutcome,
} from '../storage/submission.repository.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { recomputeJob } from './job-kinds.ts';
import { createGroupCommit } from './group-commit.ts';
import { createSurveyCache } from './survey-cache.ts';
import { answerSetFingerprint } from './survey-guard.service.ts';
import type { AssessmentYear, YearService } from './year.service.ts';

export interface SubmitResponseInput {
  /** Client-chosen idempotency key: a random UUID, never derived from a person. */
  responseId: string;
  fiscalYear: number;
  agencyCode: string;
  tool: 'IIT' | 'EIT';
  /** Answer column such as 'I1.1' → '1'..'4' | 'Y' | 'N'. */
  answers: Record<string, string>;
  demographics: { gender?: string; age_band?: string; education?: string; contact_type?: string };
  /** YYYY-MM-DD: a day, never a time. */
  submittedOn: string;
}

const validators = new WeakMap<Framework, ResponseValidator>();
export function validatorFor(framework: Framework): ResponseValidator {
  let v = validators.get(framework);
  if (!v) validators.set(framework, (v = createResponseValidator(framework)));
  return v;
}

/**
 * Batches from several processes upsert the same count rows; they lock them in one order, but
 * should the database still pick one as a deadlock victim, the batch (atomic, idempotent on its
 * response ids) is simply written again.
 */
async function withDeadlockRetry<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (attempt >= 3 || (e as { code?: string }).code !== '40P01') throw e;
    }
  }
}

export function createResponseService(
  db: Db,
  years: YearService,
  /** delaySeconds: the recompute debounce (config RECOMPUTE_DELAY_SECONDS; 0 = at once). */
  opts: { delaySeconds?: number; now?: () => Date } = {},
) {
  const delaySeconds = opts.delaySeconds ?? 0;
  const now = opts.now ?? (() => new Date());
  // Submissions arriving together are decided and stored together: one statement and one
  // commit per batch (rate limits, access codes, the responses, their jobs and anomaly counts).
  const store = createGroupCommit<Submission, SubmissionOutcome>(
    (batch) => withDeadlockRetry(() => storeSubmissions(db, batch, delaySeconds)),
    { isolateFailures: true },
  );
  // Years and agencies are read on every submission but change rarely: found ones are kept for
  // 2 s (each process; absent ones are always looked up again so a new one is seen at once).
  const yearCache = createSurveyCache<AssessmentYear>();
  const agencyCache = createSurveyCache<true>();
  async function findYear(fiscalYear: number): Promise<AssessmentYear | undefined> {
    const t = Date.now();
    const hit = yearCache.get(String(fiscalYear), t);
    if (hit) return hit;
    const y = await years.find(fiscalYear);
    if (y) yearCache.set(String(fiscalYear), y, t);
    return y;
  }
  async function agencyExists(code: string): Promise<boolean> {
    const t = Date.now();
    if (agencyCache.get(code, t)) return true;
    const found = (await findAgency(db, code)) !== undefined;
    if (found) agencyCache.set(code, true, t);
    return found;
  }
  return {
    /**
     * Validates and stores one response. With a ticket (from the survey guard) it is first
     * counted against the rate limits and its single-use code, and may be refused for them.
     */
    async submit(
      input: SubmitResponseInput,
      ticket?: AdmissionTicket,
    ): Promise<Result<{ created: boolean }, Problem[]>> {
      const problems: Problem[] = [];
      const invalid = (field: string, th: string, en: string) =>
        problems.push({ code: 'invalid', field, th, en });
      if (!/^[A-Za-z0-9_-]{8,100}$/.test(input.responseId))
        invalid(
          'responseId',
          'รหัสคำตอบต้องเป็นตัวอักษร ตัวเลข - หรือ _ ยาว 8–100 ตัว',
          'The response id must be 8–100 letters, digits, - or _',
        );
      if (input.tool !== 'IIT' && input.tool !== 'EIT')
        invalid('tool', 'แบบวัดต้องเป็น IIT หรือ EIT', 'The tool must be IIT or EIT');
      if (!isIsoDay(input.submittedOn))
        invalid(
          'submittedOn',
          `วันที่ตอบต้องอยู่ในรูป YYYY-MM-DD แต่พบ "${input.submittedOn}"`,
          `The day must be YYYY-MM-DD, got "${input.submittedOn}"`,
        );
      const year = await findYear(input.fiscalYear);
      if (!year)
        return err([
          {
            code: 'not_found',
            field: 'fiscalYear',
            th: `ไม่มีปีการประเมิน ${input.fiscalYear}`,
            en: `No assessment year ${input.fiscalYear}`,
          },
        ]);
      if (!(await agencyExists(input.agencyCode)))
        return err([
          {
            code: 'not_found',
            field: 'agencyCode',
            th: `ไม่พบหน่วยงานรหัส ${input.agencyCode}`,
            en: `No agency with code ${input.agencyCode}`,
          },
        ]);
      if (problems.length) return err(problems);
      const encoded = validatorFor(year.framework).encode(
        input.tool,
        input.answers,
        input.demographics,
      );
      if (!encoded.ok)
        return err(
          encoded.error.map((i) => ({ code: 'invalid', field: i.field, th: i.th, en: i.en })),
        );
      const { answers, demographics: d } = encoded.value;
      const job = recomputeJob(input.fiscalYear, input.agencyCode);
      const response = {
        fiscalYear: input.fiscalYear,
        responseId: input.responseId,
        agencyCode: input.agencyCode,
        tool: input.tool,
        answers,
        gender: d.gender,
        ageBand: d.age_band,
        education: d.education,
        contactType: d.contact_type,
        submittedOn: input.submittedOn,
        job: { ...job, key: job.key ?? '' },
        fingerprint: answerSetFingerprint(input.answers),
        sameColumn: allSameColumn(input.answers),
      };
      const outcome = await store(ticket ? { response, ticket } : { response });
      if (outcome.stored) return ok({ created: outcome.created });
      if (outcome.refused === 'access_code')
        return err([
          {
            code: 'invalid',
            field: 'access_code',
            th: 'รหัสเข้าตอบไม่ถูกต้องหรือถูกใช้ไปแล้ว',
            en: 'The access code is wrong or has been used',
          },
        ]);
      const minutes = Math.max(
        1,
        Math.ceil((outcome.retryAt.getTime() - now().getTime()) / 60_000),
      );
      return err([
        {
          code: 'rate_limited',
          field: 'rate',
          th: `มีการส่งคำตอบจาก${outcome.refused === 'network' ? 'เครือข่ายนี้' : 'ลิงก์นี้'}มากเกินไป กรุณาลองใหม่ในอีก ${minutes} นาที`,
          en: `Too many answers from this ${outcome.refused === 'network' ? 'network' : 'link'}; try again in ${minutes} minutes`,
          retryAt: outcome.retryAt,
        },
      ]);
    },
  };
}

export type ResponseService = ReturnType<typeof createResponseService>;
