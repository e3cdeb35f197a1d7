// The one parser of a survey submission — the step pages, the one-document form, the API and
// the responses import all check answers and demographics here — giving either the encoded
// answers or problems with codes (domain/problem.ts; worded by the i18n catalogue).
//   'complete' (a respondent's form or API call): every item answered with one of its values,
//              every demographic question of the tool answered, unknown keys refused;
//   'partial'  (a row of an imported file): blanks are "not answered", values trimmed, a
//              demographic given must be one of the tool's options.
import type { DemographicField, Framework, Question, SurveyTool } from './framework/schema.ts';
import { toolColumns } from './answer-columns.ts';
import { problem, type Problem } from './problem.ts';
import { err, ok, type Result } from './result.ts';

/** The demographic questions a response may carry (the columns of the responses table). */
export const DEMOGRAPHIC_KEYS = ['gender', 'age_band', 'education', 'contact_type'] as const;
export type DemographicKey = (typeof DEMOGRAPHIC_KEYS)[number];
export type Demographics = Partial<Record<DemographicKey, string>>;

export type Completeness = 'complete' | 'partial';

export interface Encoded {
  /** The answers given, by column ('I1.1' → '1'..'4' | 'Y' | 'N'). */
  answers: Record<string, string>;
  /** One per answer column of the tool, stored order: 1–4 as printed; Y = 1, N = 2; null = none. */
  columns: (number | null)[];
  demographics: Demographics;
}

export function isYesNo(scale: string): boolean {
  return scale === 'yes_good' || scale === 'no_good';
}

/** The allowed values of a sub-item: '1'…'4' for four-level items, 'Y'/'N' for yes/no. */
export function allowedValues(scale: string): string[] {
  return isYesNo(scale) ? ['Y', 'N'] : ['1', '2', '3', '4'];
}

const text = (raw: unknown): string =>
  typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';

/** The answers of some questions (a step's page, or a whole tool), every one required. */
export function parseAnswers(
  questions: readonly Question[],
  input: Record<string, unknown>,
): { answers: Record<string, string>; problems: Problem[] } {
  const answers: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const q of questions)
    for (const item of q.items) {
      const key = `${q.code}.${item.n}`;
      const value = text(input[key]);
      const allowed = allowedValues(item.scale);
      if (allowed.includes(value)) answers[key] = value;
      else if (value === '') problems.push(problem(key, 'answer_missing', { question: key }));
      else
        problems.push(
          problem(key, 'answer_not_allowed', {
            question: key,
            value: value.slice(0, 20),
            allowed: allowed.join(', '),
          }),
        );
    }
  return { answers, problems };
}

/** '1'..'4' (a file holds a million of them: no regular expression per cell). */
const isLikert = (v: string) => v.length === 1 && v >= '1' && v <= '4';

/** A file cell's stored code (1–4 as printed; Y = 1, N = 2), or 0: not one of its values. */
export const cellCode = (yesNo: boolean, v: string): number =>
  yesNo ? (v === 'Y' ? 1 : v === 'N' ? 2 : 0) : isLikert(v) ? v.charCodeAt(0) - 48 : 0;

export const cellProblem = (column: string, yesNo: boolean, value: string): Problem =>
  problem(column, yesNo ? 'yes_no_invalid' : 'likert_invalid', { item: column, value });

export const otherTool = (tool: SurveyTool): SurveyTool => (tool === 'IIT' ? 'EIT' : 'IIT');

/** A file's answers: blanks are not answered; a column of another tool or none is named. */
function parseFileAnswers(framework: Framework, tool: SurveyTool, input: Record<string, unknown>) {
  const cols = toolColumns(framework, tool);
  const answers: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const [column, raw] of Object.entries(input)) {
    const value = text(raw).trim();
    if (value === '') continue;
    const i = cols.index.get(column);
    if (i === undefined) {
      const other = otherTool(tool);
      problems.push(
        toolColumns(framework, other).index.has(column)
          ? problem(column, 'item_other_tool', { item: column, tool, other })
          : problem(column, 'item_unknown', { item: column, framework: framework.id }),
      );
    } else if (cellCode(cols.yesNo[i]!, value)) answers[column] = value;
    else problems.push(cellProblem(column, cols.yesNo[i]!, value));
  }
  return { answers, problems };
}

/** The demographic questions of a tool that a response carries. */
export function demographicFields(framework: Framework, tool: SurveyTool): DemographicField[] {
  return framework.demographics[tool].filter((f) =>
    (DEMOGRAPHIC_KEYS as readonly string[]).includes(f.code),
  );
}

/** The demographics: every question of the tool answered ('complete'), or any given valid. */
export function parseDemographics(
  framework: Framework,
  tool: SurveyTool,
  input: Record<string, unknown>,
  mode: Completeness = 'complete',
): { demographics: Demographics; problems: Problem[] } {
  const demographics: Demographics = {};
  const problems: Problem[] = [];
  if (mode === 'complete') {
    for (const f of demographicFields(framework, tool)) {
      const value = typeof input[f.code] === 'string' ? (input[f.code] as string) : '';
      if (f.options.some((o) => o.value === value)) demographics[f.code as DemographicKey] = value;
      else problems.push(problem(f.code, 'demographic_missing', { code: f.code, label: f.label }));
    }
    return { demographics, problems };
  }
  for (const field of DEMOGRAPHIC_KEYS) {
    const raw = input[field];
    givenDemographic(
      framework,
      tool,
      field,
      typeof raw === 'string' ? raw : '',
      demographics,
      problems,
    );
  }
  return { demographics, problems };
}

/** The tool's options for a demographic question, or undefined when the tool does not ask it. */
export const optionsOf = (framework: Framework, tool: SurveyTool, field: DemographicKey) =>
  framework.demographics[tool].find((d) => d.code === field)?.options.map((o) => o.value);

/** A demographic a file gives (blank: not given): kept when it is one of the tool's options. */
export function givenDemographic(
  framework: Framework,
  tool: SurveyTool,
  field: DemographicKey,
  raw: string,
  into: Demographics,
  problems: Problem[],
  options = optionsOf(framework, tool, field),
): void {
  const value = raw.trim();
  if (value === '') return;
  if (!options) problems.push(problem(field, 'demographic_not_asked', { field, tool }));
  else if (!options.includes(value))
    problems.push(
      problem(field, 'demographic_invalid', { field, options: options.join(', '), value }),
    );
  else into[field] = value;
}

/**
 * Every question of a tool, and no key that is none of them (a whole form or API call). `other`:
 * keys that are not answers but the form's other fields (eligibility, demographics), neither read
 * as answers nor refused as unknown.
 */
export function parseAllAnswers(
  framework: Framework,
  tool: SurveyTool,
  input: Record<string, unknown>,
  other?: (key: string) => boolean,
): { answers: Record<string, string>; problems: Problem[] } {
  const cols = toolColumns(framework, tool);
  const result = parseAnswers(
    framework.questions.filter((q) => q.tool === tool),
    input,
  );
  for (const key of Object.keys(input))
    if (!cols.index.has(key) && !other?.(key))
      result.problems.push(
        problem(`answers.${key}`.slice(0, 60), 'question_unknown', {
          question: key.slice(0, 20),
          tool,
        }),
      );
  return result;
}

/**
 * The one parser of a submission's answers and demographics: the answers' problems first, then
 * the demographics'. The encoded columns are what storage keeps.
 */
export function parseSubmission(
  framework: Framework,
  tool: SurveyTool,
  input: { answers: Record<string, unknown>; demographics: Record<string, unknown> },
  mode: Completeness,
): Result<Encoded, Problem[]> {
  const a =
    mode === 'complete'
      ? parseAllAnswers(framework, tool, input.answers)
      : parseFileAnswers(framework, tool, input.answers);
  const d = parseDemographics(framework, tool, input.demographics, mode);
  const problems = [...a.problems, ...d.problems];
  if (problems.length) return err(problems);
  const cols = toolColumns(framework, tool);
  const columns = new Array<number | null>(cols.cols.length).fill(null);
  for (const [column, value] of Object.entries(a.answers)) {
    const i = cols.index.get(column)!;
    columns[i] = value === 'Y' ? 1 : value === 'N' ? 2 : Number(value);
  }
  return ok({ answers: a.answers, columns, demographics: d.demographics });
}

/** A calendar day YYYY-MM-DD that exists (never a time: see design.md's privacy rules). */
export function isIsoDay(s: string): boolean {
  const known = daysSeen.get(s);
  if (known !== undefined) return known;
  const d = new Date(`${s}T00:00:00Z`);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(s) &&
    !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === s;
  // A file of a million rows holds a few hundred days: each is checked once.
  if (daysSeen.size >= 4096) daysSeen.clear();
  daysSeen.set(s, valid);
  return valid;
}
const daysSeen = new Map<string, boolean>();

/**
 * A random (version 4) UUID, the only response id accepted (ADR 0007): a v1 id carries a time
 * and a network card's address, a v7 id a time, and any other string may carry anything.
 */
export function isRandomUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(s);
}

/** The problem for a response id that is not a random UUID, naming the field it came in. */
export function responseIdProblem(field: string, given: string): Problem {
  const value = given.length > 40 ? `${given.slice(0, 40)}…` : given;
  return problem(field, 'response_id_invalid', { field, value });
}
