// Use case of a respondent: submit one survey response (validated by the one parser, admitted,
// stored idempotently, then its agency marked for a recompute), for the survey forms and the API,
// through the submission pipeline (services/submission-pipeline.ts, ADR 0007).
import type { SurveyTool } from '../domain/framework/schema.ts';
import { problem, type Problem } from '../domain/problem.ts';
import { err, ok, type Result } from '../domain/result.ts';
import {
  isIsoDay,
  isRandomUuid,
  parseSubmission,
  responseIdProblem,
  type Demographics,
} from '../domain/submission.ts';
import { allSameColumn } from '../domain/survey-form.ts';
import type { AdmissionTicket, StoredResponse } from '../storage/submission.repository.ts';
import { resealDay, type ResponseRow } from '../storage/response.repository.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { createSurveyCache } from './survey-cache.ts';
import { answerSetFingerprint } from './survey-guard.service.ts';
import { createSubmissionPipeline } from './submission-pipeline.ts';
import type { AssessmentYear, YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

/** One survey response as the forms, the API and the tests submit it. */
export interface SubmitResponseInput {
  /** Client-chosen idempotency key: a random (version 4) UUID, never derived from a person. */
  responseId: string;
  fiscalYear: number;
  agencyCode: string;
  tool: SurveyTool;
  /** Answer column such as 'I1.1' → '1'..'4' | 'Y' | 'N'. */
  answers: Record<string, string>;
  demographics: Demographics;
  /** YYYY-MM-DD: a day, never a time. */
  submittedOn: string;
}

export function createResponseService({
  db,
  clock,
  years,
}: Pick<ServiceContext, 'db' | 'clock'> & { years: YearService }) {
  // Nothing of the error is kept: a failed statement's message may carry its parameters (the
  // agency and answer fingerprints). The marks catch up with the agency's next answer.
  const pipeline = createSubmissionPipeline({
    db,
    onFollowUpFailed: (e) =>
      process.emitWarning('survey follow-up (recompute marks, anomaly counts) failed', {
        code: 'ITAS_FOLLOW_UP',
        detail: e instanceof Error && 'code' in e ? `database code ${String(e.code)}` : undefined,
      }),
  });
  // Years and agencies are read on every submission but change rarely: found ones are kept for
  // 2 s (each process; absent ones are always looked up again so a new one is seen at once).
  const yearCache = createSurveyCache<AssessmentYear | undefined>();
  const agencyCache = createSurveyCache<boolean>();
  // eslint-disable-next-line no-restricted-syntax -- the caches' expiry is process time, not business time
  const processMs = () => Date.now();
  const findYear = (fiscalYear: number): Promise<AssessmentYear | undefined> =>
    yearCache.load(
      String(fiscalYear),
      processMs(),
      () => years.find(fiscalYear),
      (y) => !!y,
    );
  const agencyExists = (code: string): Promise<boolean> =>
    agencyCache.load(
      code,
      processMs(),
      async () => (await findAgency(db, code)) !== undefined,
      (found) => found,
    );
  return {
    /**
     * Rewrites the responses of a past day together, in a random order, so that their
     * transaction ids and places on disk say nothing finer than the day (ADR 0007). The worker
     * does it for yesterday once a day.
     */
    resealDay: (day: string) => resealDay(db, day),

    /**
     * Resolves once every submission this process took is stored and followed up (recompute
     * marks, anomaly counts): the worker waits for it before taking marks, so in one process a
     * recompute after an answer always sees it.
     */
    settled: () => pipeline.settled(),

    /**
     * Validates and stores one response. With a ticket (from the survey guard) it is first
     * counted against the rate limits and its single-use code, and may be refused for them.
     */
    async submit(
      input: SubmitResponseInput,
      ticket?: AdmissionTicket,
    ): Promise<Result<{ created: boolean }, Problem[]>> {
      const problems: Problem[] = [];
      if (!isRandomUuid(input.responseId))
        problems.push(responseIdProblem('response_id', input.responseId));
      if (input.tool !== 'IIT' && input.tool !== 'EIT')
        problems.push(problem('tool', 'tool_invalid', {}));
      if (!isIsoDay(input.submittedOn))
        problems.push(problem('submittedOn', 'submitted_on_invalid', { value: input.submittedOn }));
      const year = await findYear(input.fiscalYear);
      if (!year) return err([problem('fiscalYear', 'year_unknown', { year: input.fiscalYear })]);
      // A ticket is made for a survey link, which was found with its agency (an inner join, at
      // most the cache's 2 s ago): the agency exists, no need to ask again.
      if (!ticket && !(await agencyExists(input.agencyCode)))
        return err([problem('agencyCode', 'agency_unknown', { code: input.agencyCode })]);
      if (problems.length) return err(problems);
      const encoded = parseSubmission(
        year.framework,
        input.tool,
        { answers: input.answers, demographics: input.demographics },
        'partial',
      );
      if (!encoded.ok) return encoded;
      const { columns: answers, demographics: d } = encoded.value;
      const row: ResponseRow = {
        fiscalYear: input.fiscalYear,
        // One spelling per id, so a replay in capitals is still the same response.
        responseId: input.responseId.toLowerCase(),
        agencyCode: input.agencyCode,
        tool: input.tool,
        answers,
        gender: d.gender ?? null,
        ageBand: d.age_band ?? null,
        education: d.education ?? null,
        contactType: d.contact_type ?? null,
        submittedOn: input.submittedOn,
      };
      const stored: StoredResponse = {
        fiscalYear: input.fiscalYear,
        agencyCode: input.agencyCode,
        tool: input.tool,
        fingerprint: answerSetFingerprint(input.answers),
        sameColumn: allSameColumn(input.answers),
      };
      const outcome = await pipeline.submit(ticket ? { row, stored, ticket } : { row, stored });
      if (outcome.stored) return ok({ created: outcome.created });
      if (outcome.refused === 'access_code')
        return err([problem('access_code', 'access_code_refused', {})]);
      const minutes = Math.max(
        1,
        Math.ceil((outcome.retryAt.getTime() - clock().getTime()) / 60_000),
      );
      return err([
        problem('rate', 'rate_limited', {
          source: outcome.refused,
          minutes,
          retryAt: outcome.retryAt,
        }),
      ]);
    },
  };
}

export type ResponseService = ReturnType<typeof createResponseService>;
