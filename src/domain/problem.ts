// A problem a person can act on, as a value: the field it concerns, a code, and the code's
// parameters. The domain and the services say what is wrong; the i18n catalogue (i18n/problems.ts,
// keys checked against ProblemParams by the compiler) says it in Thai and English, in one place.
import type { AccessProblemParams } from './problem-params/access.ts';
import type { BackupFileProblemParams, BackupProblemParams } from './problem-params/backup.ts';
import type { FrameworkProblemParams } from './problem-params/framework.ts';
import type { Text } from './framework/schema.ts';
import type { ImportProblemParams } from './problem-params/import.ts';
import type { OitProblemParams } from './problem-params/oit.ts';
import type { ProvinceProblemParams } from './problem-params/province.ts';
import type { PublicationProblemParams } from './problem-params/publication.ts';
import type { MoveProblemParams, YearProblemParams } from './problem-params/year.ts';

/** Every code with its message's parameters (each area's in problem-params/). */
export interface ProblemParams
  extends
    ImportProblemParams,
    OitProblemParams,
    ProvinceProblemParams,
    FrameworkProblemParams,
    YearProblemParams,
    MoveProblemParams,
    AccessProblemParams,
    PublicationProblemParams,
    BackupFileProblemParams,
    BackupProblemParams {
  // A survey's answers (the form, the API and the responses import: domain/submission.ts).
  answer_missing: { question: string };
  /** A form or API answer outside the item's values. */
  answer_not_allowed: { question: string; value: string; allowed: string };
  /** A key of a form or API submission that is no question of the tool. */
  question_unknown: { question: string; tool: string };
  /** A file's column of the other tool. */
  item_other_tool: { item: string; tool: string; other: string };
  /** A file's column that is no item of the framework. */
  item_unknown: { item: string; framework: string };
  /** A file's yes/no answer that is not Y or N. */
  yes_no_invalid: { item: string; value: string };
  /** A file's four-level answer that is not 1–4. */
  likert_invalid: { item: string; value: string };
  demographic_missing: { code: string; label: Text };
  /** A file's demographic column the tool does not ask. */
  demographic_not_asked: { field: string; tool: string };
  demographic_invalid: { field: string; options: string; value: string };
  eligibility_missing: Record<string, never>;
  access_code_missing: Record<string, never>;
  access_code_refused: Record<string, never>;
  // A submission's envelope.
  response_id_invalid: { field: string; value: string };
  /** `value` absent: the survey service's own (no value to show). */
  tool_invalid: { value?: string };
  submitted_on_invalid: { value: string };
  /** A file's day: a day, never a time. */
  day_invalid: { value: string };
  year_unknown: { year: number };
  agency_unknown: { code: string };
  /** A file's agency code not in the register. */
  agency_not_registered: { code: string };
  // Refusals of a respondent's submission.
  survey_closed: { tool: string };
  link_unknown: Record<string, never>;
  rate_limited: { source: 'network' | 'link'; minutes: number; retryAt: Date };
  // Files.
  line_repeats: { what: 'oit' | 'result'; agency: string; key: string; line: number };
  // The calendar (services/calendar.service.ts).
  year_not_open: { year: number };
  phase_unknown: { phase: string; phases: string };
  opens_invalid: Record<string, never>;
  closes_invalid: Record<string, never>;
  window_reversed: Record<string, never>;
  extension_reason_missing: Record<string, never>;
  extension_no_general: Record<string, never>;
  /** The general window, as typed days. */
  extension_shortens: { opensOn: string; closesOn: string };
  // Sample targets.
  population_invalid: { tool: 'IIT' | 'EIT' };
  // Refusals thrown with a status (services/errors.ts Refusal).
  calendar_forbidden: Record<string, never>;
  fiscal_year_not_open: { year: number };
  targets_forbidden: Record<string, never>;
  agency_private_forbidden: Record<string, never>;
  province_progress_forbidden: Record<string, never>;
  import_forbidden: Record<string, never>;
  // Refusals of the survey links' administration (services/survey-link.service.ts).
  links_manage_forbidden: Record<string, never>;
  links_create_all_forbidden: Record<string, never>;
  links_list_forbidden: Record<string, never>;
  // The survey API's envelope (http/survey-api.routes.ts): its headline and its body's fields.
  api_cross_site: Record<string, never>;
  api_media_type: Record<string, never>;
  api_too_large: { kb: number };
  api_not_json: Record<string, never>;
  api_json_object: Record<string, never>;
  api_submission_invalid: Record<string, never>;
  /** A field of the wrong shape; `detail`: the schema's (English) words. */
  api_field_invalid: { field: string; detail: string };
  api_refused: Record<string, never>;
}

export type ProblemCode = keyof ProblemParams;

/** One problem: `{ field, code, params }`, the params typed by the code. */
export type Problem<C extends ProblemCode = ProblemCode> = {
  [K in C]: { field: string; code: K; params: ProblemParams[K] };
}[C];

export function problem<C extends ProblemCode>(
  field: string,
  code: C,
  params: ProblemParams[C],
): Problem<C> {
  return { field, code, params };
}

/** Codes with no parameters. */
type Bare = {
  [K in ProblemCode]: ProblemParams[K] extends Record<string, never> ? K : never;
}[ProblemCode];

export function bare<C extends Bare>(field: string, code: C): Problem<C> {
  return { field, code, params: {} };
}

/** When a rate-limited submission may be tried again, if it was refused for that. */
export function retryAtOf(problems: readonly Problem[]): Date | undefined {
  for (const p of problems) if (p.code === 'rate_limited') return p.params.retryAt;
  return undefined;
}
