// The respondent's path as pure rules: the pages of a survey tool and the validation of each
// page's answers (field errors in Thai and English), shared by the HTML form and the API.
import type { DemographicField, Framework, Question, SurveyTool } from './framework/schema.ts';
import { indicatorsOf, questionsOf } from './framework/helpers.ts';
import { normaliseCode } from './survey-guard.ts';

export interface FieldProblem {
  field: string;
  th: string;
  en: string;
}

export interface SurveyPage {
  indicatorCode: string;
  title: Framework['indicators'][number]['name'];
  questions: Question[];
}

export const DEMOGRAPHIC_KEYS = ['gender', 'age_band', 'education', 'contact_type'] as const;
export type DemographicKey = (typeof DEMOGRAPHIC_KEYS)[number];
export type Demographics = Partial<Record<DemographicKey, string>>;

/** One page per indicator, its questions in the definition's order. */
/**
 * Memoises a pure function of a framework definition and a tool: frameworks are fixed data, and
 * every survey submission asks for the same pages and columns again.
 */
function perFrameworkTool<T>(
  compute: (framework: Framework, tool: SurveyTool) => T,
): (framework: Framework, tool: SurveyTool) => T {
  const memo = new WeakMap<Framework, Map<SurveyTool, T>>();
  return (framework, tool) => {
    let byTool = memo.get(framework);
    if (!byTool) memo.set(framework, (byTool = new Map<SurveyTool, T>()));
    if (!byTool.has(tool)) byTool.set(tool, compute(framework, tool));
    return byTool.get(tool)!;
  };
}

/** One page per indicator, in order (shared: do not modify). */
export const surveyPages = perFrameworkTool((framework, tool): readonly SurveyPage[] =>
  Object.freeze(surveyPagesOf(framework, tool)),
);

function surveyPagesOf(framework: Framework, tool: SurveyTool): SurveyPage[] {
  const byCode = new Map(questionsOf(framework, tool).map((q) => [q.code, q]));
  return indicatorsOf(framework, tool).map((ind) => ({
    indicatorCode: ind.code,
    title: ind.name,
    questions: (ind.questions ?? []).flatMap((c) => {
      const q = byCode.get(c);
      return q ? [q] : [];
    }),
  }));
}

export function isYesNo(scale: string): boolean {
  return scale === 'yes_good' || scale === 'no_good';
}

/** The allowed values of a sub-item: '1'…'4' for four-level items, 'Y'/'N' for yes/no. */
export function allowedValues(scale: string): string[] {
  return isYesNo(scale) ? ['Y', 'N'] : ['1', '2', '3', '4'];
}

// The messages of a missing answer, one text for the server's pages, the API and the browser's
// own check (the views hand them to public/survey-steps.js as data, so both say the same).
export function answerMissing(key: string): FieldProblem {
  return { field: key, th: `ข้อ ${key}: กรุณาเลือกคำตอบ`, en: `Question ${key}: choose an answer` };
}

export function demographicMissing(f: DemographicField): FieldProblem {
  return {
    field: f.code,
    th: `${f.label.th}: กรุณาเลือกหนึ่งข้อ`,
    en: `${f.label.en ?? f.code}: choose one option`,
  };
}

export const ELIGIBILITY_MISSING: FieldProblem = {
  field: 'eligible',
  th: 'กรุณาตอบว่าท่านปฏิบัติงานในหน่วยงานนี้มาแล้วตามระยะเวลาที่กำหนดหรือไม่',
  en: 'Say whether you have worked at this agency for the required time',
};

export const ACCESS_CODE_MISSING: FieldProblem = {
  field: 'access_code',
  th: 'กรุณากรอกรหัสเข้าตอบที่หน่วยงานมอบให้',
  en: 'Enter the access code your agency gave you',
};

export const ACCESS_CODE_REFUSED: FieldProblem = {
  field: 'access_code',
  th: 'รหัสเข้าตอบไม่ถูกต้องหรือถูกใช้ไปแล้ว',
  en: 'The access code is wrong or has been used',
};

/** Checks the answers of some questions; every sub-item must have an allowed value. */
export function validateAnswers(
  questions: Question[],
  input: Record<string, unknown>,
): { answers: Record<string, string>; problems: FieldProblem[] } {
  const answers: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const q of questions)
    for (const item of q.items) {
      const key = `${q.code}.${item.n}`;
      const raw = input[key];
      const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
      if (allowedValues(item.scale).includes(value)) answers[key] = value;
      else if (value === '') problems.push(answerMissing(key));
      else
        problems.push({
          field: key,
          th: `ข้อ ${key}: คำตอบ "${value.slice(0, 20)}" ใช้ไม่ได้ (ต้องเป็น ${allowedValues(item.scale).join(', ')})`,
          en: `Question ${key}: "${value.slice(0, 20)}" is not an answer (use ${allowedValues(item.scale).join(', ')})`,
        });
    }
  return { answers, problems };
}

/** Every answer of a tool, for a whole submission; unknown keys are refused too. */
const answerColumnSet = perFrameworkTool(
  (framework, tool): ReadonlySet<string> =>
    new Set(questionsOf(framework, tool).flatMap((q) => q.items.map((i) => `${q.code}.${i.n}`))),
);

export function validateAllAnswers(
  framework: Framework,
  tool: SurveyTool,
  input: Record<string, unknown>,
): { answers: Record<string, string>; problems: FieldProblem[] } {
  const result = validateAnswers(questionsOf(framework, tool), input);
  const known = answerColumnSet(framework, tool);
  for (const key of Object.keys(input))
    if (!known.has(key))
      result.problems.push({
        field: `answers.${key}`.slice(0, 60),
        th: `ไม่มีข้อ ${key.slice(0, 20)} ในแบบวัด ${tool}`,
        en: `${tool} has no question ${key.slice(0, 20)}`,
      });
  return result;
}

export function demographicFields(framework: Framework, tool: SurveyTool): DemographicField[] {
  return framework.demographics[tool].filter((f) =>
    (DEMOGRAPHIC_KEYS as readonly string[]).includes(f.code),
  );
}

/** Every demographic question of the tool must be answered with one of its options. */
export function validateDemographics(
  framework: Framework,
  tool: SurveyTool,
  input: Record<string, unknown>,
): { demographics: Demographics; problems: FieldProblem[] } {
  const demographics: Demographics = {};
  const problems: FieldProblem[] = [];
  for (const f of demographicFields(framework, tool)) {
    const raw = input[f.code];
    const value = typeof raw === 'string' ? raw : '';
    if (f.options.some((o) => o.value === value)) demographics[f.code as DemographicKey] = value;
    else problems.push(demographicMissing(f));
  }
  return { demographics, problems };
}

/** Straight-lining: every four-level answer the same (at least 4 of them). */
export function allSameColumn(answers: Record<string, string>): boolean {
  const likert = Object.values(answers).filter((v) => /^[1-4]$/.test(v));
  return likert.length >= 4 && likert.every((v) => v === likert[0]);
}

/** A stable text of an answer set, to hash for "identical answer sets". */
export function answerSetText(answers: Record<string, string>): string {
  return Object.keys(answers)
    .sort()
    .map((k) => `${k}=${answers[k]}`)
    .join('&');
}

/** The steps of the respondent's path, in order: IIT asks eligibility first. */
export function surveySteps(tool: SurveyTool, pageCount: number): string[] {
  const pages = Array.from({ length: pageCount }, (_, i) => `page-${i + 1}`);
  return [...(tool === 'IIT' ? ['eligibility'] : []), 'about', ...pages];
}

export interface DraftAnswers {
  eligible?: boolean;
  accessCode?: string;
  demographics: Demographics;
  answers: Record<string, string>;
}

/** The first step not yet answered completely, or undefined when the draft is ready to check. */
export function firstIncompleteStep(
  framework: Framework,
  tool: SurveyTool,
  draft: DraftAnswers | undefined,
  singleUse: boolean,
): string | undefined {
  if (tool === 'IIT' && (!draft?.eligible || (singleUse && !draft.accessCode)))
    return 'eligibility';
  if (!draft) return 'about';
  if (validateDemographics(framework, tool, draft.demographics).problems.length > 0) return 'about';
  const pages = surveyPages(framework, tool);
  for (let i = 0; i < pages.length; i++)
    if (validateAnswers(pages[i]!.questions, draft.answers).problems.length > 0)
      return `page-${i + 1}`;
  return undefined;
}

/** The fields of the one-document form (JavaScript's final submit) that are not answers. */
const FORM_CONTROL_FIELDS = new Set(['_csrf', 'submission', 'eligible', 'access_code']);

/**
 * A whole survey sent as one flat form (every step's fields at once): eligibility, the
 * single-use code, demographics and answers, checked with the same rules as each step and the
 * API. Any other field is an unknown question (refused like the API's), so nothing unchecked
 * passes. `eligible: 'no'` says the respondent may not answer (IIT).
 */
export function parseWholeForm(
  framework: Framework,
  tool: SurveyTool,
  input: Record<string, string>,
  singleUse: boolean,
): {
  ineligible: boolean;
  accessCode: string | undefined;
  demographics: Demographics;
  answers: Record<string, string>;
  problems: FieldProblem[];
} {
  const demographicCodes = new Set(demographicFields(framework, tool).map((f) => f.code));
  const answerInput: Record<string, string> = {};
  for (const [k, v] of Object.entries(input))
    if (!FORM_CONTROL_FIELDS.has(k) && !demographicCodes.has(k)) answerInput[k] = v;
  const problems: FieldProblem[] = [];
  let accessCode: string | undefined;
  if (tool === 'IIT') {
    if (input.eligible === 'no')
      return { ineligible: true, accessCode, demographics: {}, answers: {}, problems };
    if (input.eligible !== 'yes') problems.push(ELIGIBILITY_MISSING);
    if (singleUse) {
      const code = normaliseCode(input.access_code ?? '');
      if (!code) problems.push(ACCESS_CODE_MISSING);
      else if (code.length > 64) problems.push(ACCESS_CODE_REFUSED);
      else accessCode = code;
    }
  }
  const d = validateDemographics(framework, tool, input);
  const a = validateAllAnswers(framework, tool, answerInput);
  problems.push(...d.problems, ...a.problems);
  return {
    ineligible: false,
    accessCode,
    demographics: d.demographics,
    answers: a.answers,
    problems,
  };
}
