// Row rules of oit.csv and results.csv (docs/formats.md): pure checks, located by line and column.
import type { ImportIssue } from './import-issue.ts';
import { levelFor } from './scoring/level.ts';
import { longerThan, TEXT_LIMITS } from './text-limits.ts';
import type { Framework } from './framework/schema.ts';

export const RESPONSE_FIXED_COLUMNS = [
  'response_id',
  'agency_code',
  'tool',
  'submitted_on',
  'gender',
  'age_band',
  'education',
  'contact_type',
] as const;
export const OIT_COLUMNS = [
  'agency_code',
  'item',
  'answer',
  'url',
  'note',
  'score',
  'comment',
] as const;
export const RESULT_COLUMNS = [
  'agency_code',
  'fiscal_year',
  'overall',
  'IIT',
  'EIT',
  'OIT',
  'level',
] as const;

type Add = (column: string, th: string, en: string) => void;

/**
 * Header problems: unknown columns (when `allowed` says so) and missing required ones. Repeated
 * and empty names never get here: the reader (services/table-reader.ts) refuses them.
 */
export function checkHeader(
  header: string[],
  isAllowed: (column: string) => boolean,
  required: readonly string[],
  allowedHint: string,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const col of header) {
    if (!isAllowed(col))
      issues.push({
        line: 1,
        column: col,
        th: `ไม่รู้จักคอลัมน์ "${col}" (ใช้ได้: ${allowedHint})`,
        en: `Unknown column "${col}" (allowed: ${allowedHint})`,
      });
  }
  for (const col of required)
    if (!header.includes(col))
      issues.push({
        line: 1,
        column: col,
        th: `ไม่มีคอลัมน์ที่จำเป็น "${col}"`,
        en: `Required column "${col}" is missing`,
      });
  return issues;
}

export interface OitRowValues {
  agencyCode: string;
  item: string;
  answer: 'has' | 'has_not' | 'not_applicable' | null;
  urls: string[];
  note: string | null;
  score: number | null;
  comment: string | null;
}

export function parseOitRow(
  v: Record<string, string>,
  items: ReadonlySet<string>,
  agencies: ReadonlySet<string>,
  add: Add,
  /** Items the year's framework lets be "not applicable, with an explanation". */
  notApplicableItems: ReadonlySet<string> = new Set(),
): OitRowValues | undefined {
  const before = { n: 0 };
  const bad: Add = (c, th, en) => {
    before.n++;
    add(c, th, en);
  };
  const agencyCode = v.agency_code ?? '';
  if (!agencyCode) bad('agency_code', 'ต้องระบุรหัสหน่วยงาน', 'The agency code is required');
  else if (!agencies.has(agencyCode))
    bad(
      'agency_code',
      `ไม่พบหน่วยงานรหัส "${agencyCode}" ในทะเบียน`,
      `No agency "${agencyCode}" in the register`,
    );
  const item = v.item ?? '';
  if (!items.has(item))
    bad(
      'item',
      `ไม่มีข้อ "${item}" ในกรอบการประเมินของปีนี้ (O1 … O${items.size})`,
      `The year's framework has no item "${item}" (O1 … O${items.size})`,
    );
  const answer = v.answer ?? '';
  if (answer !== '' && answer !== 'has' && answer !== 'has_not' && answer !== 'not_applicable')
    bad(
      'answer',
      `คำตอบต้องเป็น has, has_not หรือ not_applicable แต่พบ "${answer}"`,
      `The answer must be has, has_not or not_applicable, got "${answer}"`,
    );
  else if (answer === 'not_applicable' && !notApplicableItems.has(item))
    bad(
      'answer',
      `กรอบการประเมินของปีนี้ไม่อนุญาตให้ตอบข้อ ${item} ว่าไม่เกี่ยวข้อง`,
      `The year's framework does not allow item ${item} to be answered "not applicable"`,
    );
  else if (answer === 'not_applicable' && !(v.note ?? '').trim())
    bad(
      'note',
      `ข้อ ${item} ตอบว่าไม่เกี่ยวข้อง ต้องมีคำชี้แจงในคอลัมน์ note`,
      `Item ${item} is "not applicable": its explanation goes in the note column`,
    );
  const urls = (v.url ?? '').split(/\s+/).filter((u) => u !== '');
  for (const u of urls)
    if (!/^https?:\/\/[^\s]+$/i.test(u))
      bad(
        'url',
        `URL ต้องขึ้นต้นด้วย http:// หรือ https:// แต่พบ "${u}"`,
        `A URL must start with http:// or https://, got "${u}"`,
      );
  // The same limits as the OIT forms' fields.
  for (const [col, max] of [
    ['url', TEXT_LIMITS.urls],
    ['note', TEXT_LIMITS.text],
    ['comment', TEXT_LIMITS.text],
  ] as const)
    if (longerThan(v[col] ?? '', max))
      bad(col, `${col} ยาวเกิน ${max} ตัวอักษร`, `${col} is longer than ${max} characters`);
  const score = v.score ?? '';
  if (score !== '' && score !== '0' && score !== '100')
    bad(
      'score',
      `คะแนนต้องเป็น 0 หรือ 100 หรือเว้นว่าง แต่พบ "${score}"`,
      `The score must be 0, 100 or empty, got "${score}"`,
    );
  if (before.n) return undefined;
  return {
    agencyCode,
    item,
    answer: answer === '' ? null : (answer as 'has' | 'has_not' | 'not_applicable'),
    urls,
    note: v.note || null,
    score: score === '' ? null : Number(score),
    comment: v.comment || null,
  };
}

export interface ResultRowValues {
  agencyCode: string;
  fiscalYear: number;
  overall: number;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  level: string | null;
}

const SCORE = /^\d{1,3}(\.\d+)?$/;

/** `frameworkFor` gives the bands that applied in a year (to check a given level). */
export function parseResultRow(
  v: Record<string, string>,
  agencies: ReadonlySet<string>,
  frameworkFor: (year: number) => Framework,
  add: Add,
): ResultRowValues | undefined {
  let bad = 0;
  const fail: Add = (c, th, en) => {
    bad++;
    add(c, th, en);
  };
  const agencyCode = v.agency_code ?? '';
  if (!agencyCode) fail('agency_code', 'ต้องระบุรหัสหน่วยงาน', 'The agency code is required');
  else if (!agencies.has(agencyCode))
    fail(
      'agency_code',
      `ไม่พบหน่วยงานรหัส "${agencyCode}" ในทะเบียน`,
      `No agency "${agencyCode}" in the register`,
    );
  const yearText = v.fiscal_year ?? '';
  const fiscalYear = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || fiscalYear < 2500 || fiscalYear > 2700)
    fail(
      'fiscal_year',
      `ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2562 แต่พบ "${yearText}"`,
      `The fiscal year must be a 4-digit BE year such as 2562, got "${yearText}"`,
    );
  const num = (column: string, required: boolean): number | null => {
    const t = v[column] ?? '';
    if (t === '') {
      if (required) fail(column, `ต้องระบุ ${column}`, `${column} is required`);
      return null;
    }
    const n = Number(t);
    if (!SCORE.test(t) || n > 100) {
      fail(
        column,
        `${column} ต้องเป็นตัวเลข 0–100 แต่พบ "${t}"`,
        `${column} must be a number 0–100, got "${t}"`,
      );
      return null;
    }
    return n;
  };
  const overall = num('overall', true);
  const iit = num('IIT', false);
  const eit = num('EIT', false);
  const oit = num('OIT', false);
  const level = v.level || null;
  if (bad || overall === null) return undefined;
  if (level !== null) {
    const framework = frameworkFor(fiscalYear);
    const expected = levelFor(framework, overall, { IIT: iit, EIT: eit, OIT: oit }).code;
    if (expected !== level) {
      fail(
        'level',
        `ระดับ "${level}" ไม่ตรงกับคะแนน ${overall} ตามเกณฑ์ของปี ${fiscalYear} (ควรเป็น ${expected})`,
        `Level "${level}" does not match score ${overall} under ${fiscalYear}'s bands (expected ${expected})`,
      );
      return undefined;
    }
  }
  return { agencyCode, fiscalYear, overall, iit, eit, oit, level };
}
