// The respondent's path as pure rules: the pages and steps of a survey tool, which step a draft
// is at, and each step's and the one-document form's fields read through the one parser
// (domain/submission.ts), shared by the HTML form and the API.
import type { Framework, Question, SurveyTool } from './framework/schema.ts';
import { indicatorsOf, questionsOf } from './framework/helpers.ts';
import { bare, type Problem } from './problem.ts';
import {
  demographicFields,
  parseAllAnswers,
  parseAnswers,
  parseDemographics,
  type Demographics,
} from './submission.ts';
import { normaliseCode } from './survey-guard.ts';

export interface SurveyPage {
  indicatorCode: string;
  title: Framework['indicators'][number]['name'];
  questions: Question[];
}

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

/** A step's name, read in this one place: eligibility (IIT only), about, or page-n. */
export type Step = { kind: 'eligibility' } | { kind: 'about' } | { kind: 'page'; page: SurveyPage };

export function readStep(
  tool: SurveyTool,
  pages: readonly SurveyPage[],
  step: string,
): Step | undefined {
  if (step === 'eligibility') return tool === 'IIT' ? { kind: 'eligibility' } : undefined;
  if (step === 'about') return { kind: 'about' };
  const n = /^page-(\d+)$/.exec(step);
  const page = n ? pages[Number(n[1]) - 1] : undefined;
  return page ? { kind: 'page', page } : undefined;
}

/**
 * The eligibility step's fields (IIT): `eligible: 'no'` says the respondent may not answer; with
 * single-use codes, the code typed (normalised), which the caller still checks is usable.
 */
export function parseEligibility(
  input: Record<string, unknown>,
  singleUse: boolean,
): { ineligible: boolean; accessCode: string | undefined; problems: Problem[] } {
  if (input.eligible === 'no') return { ineligible: true, accessCode: undefined, problems: [] };
  const problems: Problem[] = [];
  let accessCode: string | undefined;
  if (input.eligible !== 'yes') problems.push(bare('eligible', 'eligibility_missing'));
  if (singleUse) {
    const code = normaliseCode(typeof input.access_code === 'string' ? input.access_code : '');
    if (!code) problems.push(bare('access_code', 'access_code_missing'));
    else if (code.length > 64) problems.push(bare('access_code', 'access_code_refused'));
    else accessCode = code;
  }
  return { ineligible: false, accessCode, problems };
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
  if (parseDemographics(framework, tool, draft.demographics).problems.length > 0) return 'about';
  const pages = surveyPages(framework, tool);
  for (let i = 0; i < pages.length; i++)
    if (parseAnswers(pages[i]!.questions, draft.answers).problems.length > 0)
      return `page-${i + 1}`;
  return undefined;
}

/** The names of a tool's demographic fields (shared: do not modify). */
const demographicCodesOf = perFrameworkTool(
  (framework, tool): ReadonlySet<string> =>
    new Set(demographicFields(framework, tool).map((f) => f.code)),
);

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
  problems: Problem[];
} {
  const demographicCodes = demographicCodesOf(framework, tool);
  const e = tool === 'IIT' ? parseEligibility(input, singleUse) : undefined;
  if (e?.ineligible)
    return { ineligible: true, accessCode: undefined, demographics: {}, answers: {}, problems: [] };
  const problems: Problem[] = e?.problems ?? [];
  const accessCode = e?.accessCode;
  const d = parseDemographics(framework, tool, input);
  // The answers read from the form itself (no copy of its ~60 fields without the others): the
  // other fields are neither answers nor unknown questions.
  const a = parseAllAnswers(
    framework,
    tool,
    input,
    (k) => FORM_CONTROL_FIELDS.has(k) || demographicCodes.has(k),
  );
  problems.push(...d.problems, ...a.problems);
  return {
    ineligible: false,
    accessCode,
    demographics: d.demographics,
    answers: a.answers,
    problems,
  };
}
