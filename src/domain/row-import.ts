// Row rules of oit.csv and results.csv (docs/formats.md): pure checks, located by line and column.
import type { ImportIssue } from './import-issue.ts';
import { bare, problem, type Problem } from './problem.ts';
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

type Add = (p: Problem) => void;

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
        ...problem(col, 'column_unknown', { column: col, allowed: allowedHint }),
      });
  }
  for (const col of required)
    if (!header.includes(col))
      issues.push({ line: 1, ...problem(col, 'column_missing', { column: col }) });
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
  const bad: Add = (p) => {
    before.n++;
    add(p);
  };
  const agencyCode = v.agency_code ?? '';
  if (!agencyCode) bad(bare('agency_code', 'agency_code_missing'));
  else if (!agencies.has(agencyCode))
    bad(problem('agency_code', 'agency_not_registered', { code: agencyCode }));
  const item = v.item ?? '';
  if (!items.has(item)) bad(problem('item', 'oit_item_unknown', { item, count: items.size }));
  const answer = v.answer ?? '';
  if (answer !== '' && answer !== 'has' && answer !== 'has_not' && answer !== 'not_applicable')
    bad(problem('answer', 'oit_answer_invalid', { value: answer }));
  else if (answer === 'not_applicable' && !notApplicableItems.has(item))
    bad(problem('answer', 'oit_not_applicable_refused', { item }));
  else if (answer === 'not_applicable' && !(v.note ?? '').trim())
    bad(problem('note', 'oit_note_missing', { item }));
  const urls = (v.url ?? '').split(/\s+/).filter((u) => u !== '');
  for (const u of urls)
    if (!/^https?:\/\/[^\s]+$/i.test(u)) bad(problem('url', 'url_invalid', { value: u }));
  // The same limits as the OIT forms' fields.
  for (const [col, max] of [
    ['url', TEXT_LIMITS.urls],
    ['note', TEXT_LIMITS.text],
    ['comment', TEXT_LIMITS.text],
  ] as const)
    if (longerThan(v[col] ?? '', max)) bad(problem(col, 'column_too_long', { column: col, max }));
  const score = v.score ?? '';
  if (score !== '' && score !== '0' && score !== '100')
    bad(problem('score', 'oit_score_invalid', { value: score }));
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
  const fail: Add = (p) => {
    bad++;
    add(p);
  };
  const agencyCode = v.agency_code ?? '';
  if (!agencyCode) fail(bare('agency_code', 'agency_code_missing'));
  else if (!agencies.has(agencyCode))
    fail(problem('agency_code', 'agency_not_registered', { code: agencyCode }));
  const yearText = v.fiscal_year ?? '';
  const fiscalYear = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || fiscalYear < 2500 || fiscalYear > 2700)
    fail(problem('fiscal_year', 'fiscal_year_invalid', { value: yearText }));
  const num = (column: string, required: boolean): number | null => {
    const t = v[column] ?? '';
    if (t === '') {
      if (required) fail(problem(column, 'column_required', { column }));
      return null;
    }
    const n = Number(t);
    if (!SCORE.test(t) || n > 100) {
      fail(problem(column, 'score_invalid', { column, value: t }));
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
      fail(problem('level', 'level_mismatch', { level, overall, year: fiscalYear, expected }));
      return undefined;
    }
  }
  return { agencyCode, fiscalYear, overall, iit, eit, oit, level };
}
