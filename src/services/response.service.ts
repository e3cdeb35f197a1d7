// Use case of a respondent: submit one survey response (validated, admitted, stored
// idempotently, then its agency marked for a recompute), for the survey forms and the API.
// The one submission pipeline (ADR 0007): three transactions per batch, and the one that
// stores responses touches no other table.
import {
  createResponseValidator,
  isIsoDay,
  isRandomUuid,
  responseIdProblem,
  type ResponseValidator,
} from '../domain/response-validation.ts';
import type { Framework } from '../domain/framework/schema.ts';
import { err, ok, type Problem, type Result } from '../domain/result.ts';
import type { Db } from '../storage/database.ts';
import { allSameColumn } from '../domain/survey-form.ts';
import {
  admitSubmissions,
  recordStored,
  restoreAccessCodes,
  type AdmissionTicket,
  type StoredResponse,
} from '../storage/submission.repository.ts';
import { insertResponses, resealDay, type ResponseRow } from '../storage/response.repository.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { createGroupCommit } from './group-commit.ts';
import { createSurveyCache } from './survey-cache.ts';
import { answerSetFingerprint } from './survey-guard.service.ts';
import type { AssessmentYear, YearService } from './year.service.ts';

export interface SubmitResponseInput {
  /** Client-chosen idempotency key: a random (version 4) UUID, never derived from a person. */
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

/** One submission in a group-commit batch. */
interface Submission {
  row: ResponseRow;
  stored: StoredResponse;
  ticket?: AdmissionTicket;
}

type SubmissionOutcome =
  | { stored: true; created: boolean }
  | { stored: false; refused: 'network' | 'link'; retryAt: Date }
  | { stored: false; refused: 'access_code' };

/**
 * Writes one batch in three transactions (ADR 0007), none of which shares anything with another
 * but the batch's timing: (1) admission — rate-limit counters, replays, single-use codes spent;
 * (2) the responses alone, in a random order; (3) recompute marks and anomaly counts for the
 * responses this batch stored. A failure in (2) puts the spent codes back before it is
 * reported; (3) runs only after (2) has committed.
 */
async function writeBatch(
  db: Db,
  batch: Submission[],
  admitInOrder: <T>(f: () => Promise<T>) => Promise<T>,
): Promise<SubmissionOutcome[]> {
  const admissions = await admitInOrder(() =>
    withDeadlockRetry(() =>
      admitSubmissions(
        db,
        batch.map((s) => ({
          responseId: s.row.responseId,
          fiscalYear: s.row.fiscalYear,
          agencyCode: s.row.agencyCode,
          tool: s.row.tool,
          ...(s.ticket ? { ticket: s.ticket } : {}),
        })),
      ),
    ),
  );
  const admitted = batch.filter((_, i) => admissions[i]!.kind === 'admitted');
  const spent = (list: Submission[]) =>
    list.flatMap((s) =>
      s.ticket?.accessCodeHash
        ? [
            {
              fiscalYear: s.row.fiscalYear,
              agencyCode: s.row.agencyCode,
              hash: s.ticket.accessCodeHash,
            },
          ]
        : [],
    );
  let inserted: Set<string>;
  try {
    inserted = await withDeadlockRetry(() =>
      insertResponses(
        db,
        admitted.map((s) => s.row),
      ),
    );
  } catch (e) {
    await restoreAccessCodes(db, spent(admitted)).catch(() => undefined);
    throw e;
  }
  // Admitted yet not inserted: another process stored the same id meanwhile. Its code was
  // spent for nothing, so it goes back.
  await restoreAccessCodes(db, spent(admitted.filter((s) => !inserted.has(s.row.responseId))));
  const fresh = admitted.filter((s) => inserted.has(s.row.responseId));
  await withDeadlockRetry(() =>
    recordStored(
      db,
      fresh.map((s) => s.stored),
    ),
  );
  const outcomes: SubmissionOutcome[] = [];
  admissions.forEach((a, i) => {
    const s = batch[i]!;
    if (a.kind === 'known') outcomes.push({ stored: true, created: false });
    else if (a.kind === 'admitted')
      outcomes.push({ stored: true, created: inserted.has(s.row.responseId) });
    else if (a.kind === 'repeat') {
      const first = outcomes[a.of]!;
      outcomes.push(first.stored ? { stored: true, created: false } : first);
    } else if (a.refused === 'access_code')
      outcomes.push({ stored: false, refused: 'access_code' });
    else outcomes.push({ stored: false, refused: a.refused, retryAt: a.retryAt });
  });
  return outcomes;
}

export function createResponseService(db: Db, years: YearService, opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());
  // Submissions arriving together are decided and stored together: three statements and three
  // commits per batch, however many submissions it holds. Admissions run one batch at a time
  // (they lock the same hot counter rows, ADR 0006); a batch's storage and follow-up overlap the
  // next batch's admission, so the extra transactions cost latency, not throughput.
  let admitting: Promise<unknown> = Promise.resolve();
  const admitInOrder = <T>(f: () => Promise<T>): Promise<T> => {
    const run = admitting.then(f, f);
    admitting = run.catch(() => undefined);
    return run;
  };
  const store = createGroupCommit<Submission, SubmissionOutcome>(
    (batch) => writeBatch(db, batch, admitInOrder),
    { isolateFailures: true, maxInFlight: 3 },
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
     * Rewrites the responses of a past day together, in a random order, so that their
     * transaction ids and places on disk say nothing finer than the day (ADR 0007). The worker
     * does it for yesterday once a day.
     */
    resealDay: (day: string) => resealDay(db, day),

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
      if (!isRandomUuid(input.responseId)) {
        const p = responseIdProblem('response_id', input.responseId);
        invalid(p.field, p.th, p.en);
      }
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
      const row: ResponseRow = {
        fiscalYear: input.fiscalYear,
        // One spelling per id, so a replay in capitals is still the same response.
        responseId: input.responseId.toLowerCase(),
        agencyCode: input.agencyCode,
        tool: input.tool,
        answers,
        gender: d.gender,
        ageBand: d.age_band,
        education: d.education,
        contactType: d.contact_type,
        submittedOn: input.submittedOn,
      };
      const stored: StoredResponse = {
        fiscalYear: input.fiscalYear,
        agencyCode: input.agencyCode,
        tool: input.tool,
        fingerprint: answerSetFingerprint(input.answers),
        sameColumn: allSameColumn(input.answers),
      };
      const outcome = await store(ticket ? { row, stored, ticket } : { row, stored });
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
