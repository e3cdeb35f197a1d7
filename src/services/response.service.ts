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
import { enqueueJobs } from '../storage/job.repository.ts';
import { insertResponses } from '../storage/response.repository.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { recomputeJob } from './job-kinds.ts';
import type { YearService } from './year.service.ts';

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

export function createResponseService(db: Db, years: YearService) {
  return {
    async submit(input: SubmitResponseInput): Promise<Result<{ created: boolean }, Problem[]>> {
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
      const year = await years.find(input.fiscalYear);
      if (!year)
        return err([
          {
            code: 'not_found',
            field: 'fiscalYear',
            th: `ไม่มีปีการประเมิน ${input.fiscalYear}`,
            en: `No assessment year ${input.fiscalYear}`,
          },
        ]);
      const agency = await findAgency(db, input.agencyCode);
      if (!agency)
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
      const created = await db.transaction().execute(async (tx) => {
        const r = await insertResponses(tx, input.fiscalYear, [
          {
            responseId: input.responseId,
            agencyCode: input.agencyCode,
            tool: input.tool,
            answers,
            gender: d.gender,
            ageBand: d.age_band,
            education: d.education,
            contactType: d.contact_type,
            submittedOn: input.submittedOn,
          },
        ]);
        if (r.inserted > 0)
          await enqueueJobs(tx, [recomputeJob(input.fiscalYear, input.agencyCode)]);
        return r.inserted > 0;
      });
      return ok({ created });
    },
  };
}

export type ResponseService = ReturnType<typeof createResponseService>;
