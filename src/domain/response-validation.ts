// Validates one survey response against a year's framework and encodes its answers for storage
// (1–4 as printed; yes/no 1 = Y, 2 = N; null = not answered), in Thai and English per field.
import { answerColumns, subItemOf } from './framework/helpers.ts';
import type { Framework, SurveyTool } from './framework/schema.ts';
import { err, ok, type Result } from './result.ts';

export const DEMOGRAPHIC_FIELDS = ['gender', 'age_band', 'education', 'contact_type'] as const;
export type DemographicField = (typeof DEMOGRAPHIC_FIELDS)[number];
export type Demographics = Partial<Record<DemographicField, string>>;

export interface FieldIssue {
  field: string;
  th: string;
  en: string;
}

export interface EncodedAnswers {
  answers: (number | null)[];
  demographics: Record<DemographicField, string | null>;
}

interface ToolColumns {
  index: Map<string, number>;
  yesNo: boolean[];
}

/** A validator over one framework, built once (imports call it for every row). */
export function createResponseValidator(framework: Framework) {
  const tools = new Map<SurveyTool, ToolColumns>();
  for (const tool of ['IIT', 'EIT'] as const) {
    const { cols, yesNo } = infoOf(framework, tool);
    tools.set(tool, { index: new Map(cols.map((c, i) => [c, i])), yesNo });
  }
  const demographicOptions = (tool: SurveyTool, field: string) =>
    framework.demographics[tool].find((d) => d.code === field)?.options.map((o) => o.value);

  /** Whether a column name is an answer column of any tool of this framework. */
  const toolOfColumn = (column: string): SurveyTool | undefined =>
    tools.get('IIT')!.index.has(column)
      ? 'IIT'
      : tools.get('EIT')!.index.has(column)
        ? 'EIT'
        : undefined;

  function encode(
    tool: SurveyTool,
    answers: Record<string, string>,
    demographics: Demographics,
  ): Result<EncodedAnswers, FieldIssue[]> {
    const issues: FieldIssue[] = [];
    const cols = tools.get(tool)!;
    const out: (number | null)[] = new Array<number | null>(cols.yesNo.length).fill(null);
    for (const [column, raw] of Object.entries(answers)) {
      const value = raw.trim();
      if (value === '') continue;
      const i = cols.index.get(column);
      if (i === undefined) {
        const other = toolOfColumn(column);
        issues.push(
          other
            ? {
                field: column,
                th: `ข้อ ${column} เป็นของแบบวัด ${other} ไม่ใช่ ${tool}`,
                en: `Item ${column} belongs to ${other}, not ${tool}`,
              }
            : {
                field: column,
                th: `ไม่มีข้อ ${column} ในกรอบการประเมิน ${framework.id}`,
                en: `The ${framework.id} framework has no item ${column}`,
              },
        );
        continue;
      }
      if (cols.yesNo[i]) {
        if (value === 'Y' || value === 'N') out[i] = value === 'Y' ? 1 : 2;
        else
          issues.push({
            field: column,
            th: `ข้อ ${column} ตอบได้เฉพาะ Y (มี) หรือ N (ไม่มี) แต่พบ "${value}"`,
            en: `Item ${column} takes Y (yes) or N (no), got "${value}"`,
          });
      } else if (value === '1' || value === '2' || value === '3' || value === '4') {
        out[i] = Number(value);
      } else {
        issues.push({
          field: column,
          th: `ข้อ ${column} ตอบได้เฉพาะ 1–4 แต่พบ "${value}"`,
          en: `Item ${column} takes 1–4, got "${value}"`,
        });
      }
    }
    const demo = { gender: null, age_band: null, education: null, contact_type: null } as Record<
      DemographicField,
      string | null
    >;
    for (const field of DEMOGRAPHIC_FIELDS) {
      const value = demographics[field]?.trim() ?? '';
      if (value === '') continue;
      const options = demographicOptions(tool, field);
      if (!options) {
        issues.push({
          field,
          th: `แบบวัด ${tool} ไม่มีข้อมูล ${field}`,
          en: `${tool} does not ask for ${field}`,
        });
      } else if (!options.includes(value)) {
        issues.push({
          field,
          th: `${field} ต้องเป็นค่าใดค่าหนึ่งของ ${options.join(', ')} แต่พบ "${value}"`,
          en: `${field} must be one of ${options.join(', ')}, got "${value}"`,
        });
      } else demo[field] = value;
    }
    return issues.length ? err(issues) : ok({ answers: out, demographics: demo });
  }

  return { encode, toolOfColumn };
}

export type ResponseValidator = ReturnType<typeof createResponseValidator>;

/** A calendar day YYYY-MM-DD that exists (never a time: see design.md's privacy rules). */
export function isIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const columnInfo = new WeakMap<
  Framework,
  Record<SurveyTool, { cols: string[]; yesNo: boolean[] }>
>();

function infoOf(framework: Framework, tool: SurveyTool) {
  let info = columnInfo.get(framework);
  if (!info) {
    const build = (t: SurveyTool) => {
      const cols = answerColumns(framework, t);
      const yesNo = cols.map((c) => {
        const scale = subItemOf(framework, c)?.item.scale;
        return scale === 'yes_good' || scale === 'no_good';
      });
      return { cols, yesNo };
    };
    info = { IIT: build('IIT'), EIT: build('EIT') };
    columnInfo.set(framework, info);
  }
  return info[tool];
}

/** Turns stored counts (c1..c4 per 1-based answer column index) into the scorer's AnswerCounts. */
export function toAnswerCounts(
  framework: Framework,
  tool: SurveyTool,
  rows: Iterable<readonly number[]>,
  into: Record<string, readonly number[]> = {},
): Record<string, readonly number[]> {
  const { cols, yesNo } = infoOf(framework, tool);
  for (const [item = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0] of rows) {
    const column = cols[item - 1];
    if (!column) continue;
    into[column] = yesNo[item - 1] ? [c1, c2] : [c1, c2, c3, c4];
  }
  return into;
}

/**
 * A random (version 4) UUID, the only response id accepted (ADR 0007): a v1 id carries a time
 * and a network card's address, a v7 id a time, and any other string may carry anything.
 */
export function isRandomUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(s);
}

/** The problem for a response id that is not a random UUID, naming the field it came in. */
export function responseIdProblem(field: string, given: string) {
  const shown = given.length > 40 ? `${given.slice(0, 40)}…` : given;
  return {
    field,
    th: `${field} ต้องเป็น UUID แบบสุ่ม (รุ่น 4) เช่น 0b7e2c1a-5f3d-4c8e-9a61-2d4f8b3e7c10 แต่พบ "${shown}"`,
    en: `${field} must be a random (version 4) UUID such as 0b7e2c1a-5f3d-4c8e-9a61-2d4f8b3e7c10, got "${shown}"`,
  };
}
