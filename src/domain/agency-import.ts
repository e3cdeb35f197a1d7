// Validates agency rows from agencies.csv against formats.md and the reference lists.
import { AGENCY_TYPE_CODES, isAgencyType, typeNeedsProvince, type Agency } from './agency.ts';
import { MAX_REPORTED_ISSUES, type ImportIssue } from './import-issue.ts';
import { bare, problem, type Problem } from './problem.ts';
import { err, ok, type Result } from './result.ts';
import type { AgencyGroup, AgencySize } from './framework/schema.ts';
import { longerThan, TEXT_LIMITS } from './text-limits.ts';

export const AGENCY_COLUMNS = [
  'code',
  'name_th',
  'name_en',
  'type',
  'province',
  'district',
  'parent_code',
  'website',
  'staff_count',
] as const;

/**
 * An agency as the exchange formats name it (the columns of agencies.csv, docs/formats.md): what
 * `itas agencies list` writes as CSV (empty for null) and JSON (null kept).
 */
export interface AgencyRecord {
  code: string;
  name_th: string;
  name_en: string | null;
  type: string;
  province: string | null;
  district: string | null;
  parent_code: string | null;
  website: string | null;
  staff_count: number | null;
}

export function agencyRecord(a: Agency): AgencyRecord {
  return {
    code: a.code,
    name_th: a.nameTh,
    name_en: a.nameEn,
    type: a.type,
    province: a.province,
    district: a.district,
    parent_code: a.parentCode,
    website: a.website,
    staff_count: a.staffCount,
  };
}
const REQUIRED = ['code', 'name_th', 'type'] as const;
/**
 * Optional columns giving an agency its group (and size) in one assessment year, for years whose
 * framework has agency groups (issue 15.5). Files without them import exactly as before.
 */
export const AGENCY_GROUP_COLUMNS = ['fiscal_year', 'agency_group', 'agency_size'] as const;
const ALLOWED: readonly string[] = [...AGENCY_COLUMNS, ...AGENCY_GROUP_COLUMNS];

export interface AgencyReference {
  provinces: ReadonlySet<string>;
  districtsOf: (province: string) => ReadonlySet<string> | undefined;
  /** Codes already in the register (parents may point at them). */
  existingCodes: ReadonlySet<string>;
}

export function validateAgencyRows(
  header: string[],
  rows: { line: number; values: Record<string, string> }[],
  ref: AgencyReference,
): Result<Agency[], ImportIssue[]> {
  const issues: ImportIssue[] = [];
  for (const col of header) {
    if (!ALLOWED.includes(col)) {
      issues.push({
        line: 1,
        ...problem(col, 'column_unknown', { column: col, allowed: ALLOWED.join(', ') }),
      });
    }
  }
  for (const col of REQUIRED) {
    if (!header.includes(col))
      issues.push({ line: 1, ...problem(col, 'column_missing', { column: col }) });
  }
  if (issues.length) return err(issues);

  const seen = new Map<string, number>();
  const agencies: Agency[] = [];
  const codesInFile = new Set(rows.map((r) => r.values.code ?? ''));
  for (const { line, values: v } of rows) {
    if (issues.length >= MAX_REPORTED_ISSUES) break;
    const add = (p: Problem) => issues.push({ line, ...p });
    const code = v.code ?? '';
    const nameTh = v.name_th ?? '';
    const type = v.type ?? '';
    if (!code) add(bare('code', 'code_missing'));
    else if (!/^[\w.-]{1,40}$/.test(code)) add(problem('code', 'code_invalid', { code }));
    else if (seen.has(code)) add(problem('code', 'code_repeats', { code, line: seen.get(code)! }));
    else seen.set(code, line);
    if (!nameTh) add(bare('name_th', 'name_th_missing'));
    // Names and the website are one-line fields, held to the same limit as in the forms.
    for (const col of ['name_th', 'name_en', 'website'] as const)
      if (longerThan(v[col] ?? '', TEXT_LIMITS.line))
        add(problem(col, 'column_too_long', { column: col, max: TEXT_LIMITS.line }));
    if (!isAgencyType(type))
      add(problem('type', 'type_invalid', { value: type, allowed: AGENCY_TYPE_CODES.join(', ') }));
    const province = v.province ?? '';
    const district = v.district ?? '';
    if (province && !ref.provinces.has(province))
      add(problem('province', 'province_unknown', { value: province }));
    if (!province && isAgencyType(type) && typeNeedsProvince(type))
      add(bare('province', 'province_required'));
    if (district) {
      if (!province) add(bare('district', 'district_needs_province'));
      else if (ref.provinces.has(province) && !ref.districtsOf(province)?.has(district))
        add(problem('district', 'district_unknown', { district, province }));
    }
    const parent = v.parent_code ?? '';
    if (parent && parent === code) add(bare('parent_code', 'parent_self'));
    else if (parent && !codesInFile.has(parent) && !ref.existingCodes.has(parent))
      add(problem('parent_code', 'parent_unknown', { code: parent }));
    const website = v.website ?? '';
    if (website && !longerThan(website, TEXT_LIMITS.line) && !isHttpsUrl(website))
      add(problem('website', 'website_not_https', { value: website }));
    const staff = v.staff_count ?? '';
    if (staff && !/^\d{1,7}$/.test(staff))
      add(problem('staff_count', 'staff_count_invalid', { value: staff }));
    agencies.push({
      code,
      nameTh,
      nameEn: v.name_en || null,
      type: type as Agency['type'],
      province: province || null,
      district: district || null,
      parentCode: parent || null,
      website: website || null,
      staffCount: staff ? Number(staff) : null,
    });
  }
  if (rows.length === 0) issues.push({ line: 1, ...bare('', 'agencies_none') });
  return issues.length ? err(issues) : ok(agencies);
}

function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && !!u.hostname;
  } catch {
    return false;
  }
}

/** An agency's group in one year, from the optional group columns of agencies.csv. */
export interface AgencyGroupRow {
  fiscalYear: number;
  agencyCode: string;
  group: string;
  size: AgencySize | null;
}

/**
 * Reads the group columns of every row: a row naming a group (or a size) needs a fiscal year that
 * exists, a group of that year's framework and, when the group is divided by size, one of its
 * sizes. Rows leaving them empty set nothing. Each problem names its line and column.
 */
export function validateAgencyGroupRows(
  rows: { line: number; values: Record<string, string> }[],
  /** Created years → the agency groups of their framework (empty when it has none). */
  years: ReadonlyMap<number, readonly AgencyGroup[]>,
): Result<AgencyGroupRow[], ImportIssue[]> {
  const issues: ImportIssue[] = [];
  const out: AgencyGroupRow[] = [];
  for (const { line, values: v } of rows) {
    if (issues.length >= MAX_REPORTED_ISSUES) break;
    const add = (p: Problem) => issues.push({ line, ...p });
    const group = (v.agency_group ?? '').trim();
    const size = (v.agency_size ?? '').trim();
    const yearText = (v.fiscal_year ?? '').trim();
    if (!group && !size) continue;
    const year = Number(yearText);
    const groups = /^\d{4}$/.test(yearText) ? years.get(year) : undefined;
    if (!yearText) {
      add(bare('fiscal_year', 'group_year_missing'));
      continue;
    }
    if (!groups) {
      add(problem('fiscal_year', 'group_year_not_created', { value: yearText }));
      continue;
    }
    if (!group) {
      add(bare('agency_group', 'group_missing'));
      continue;
    }
    const known = groups.find((g) => g.code === group);
    if (!known) {
      const allowed = groups.map((g) => g.code).join(', ');
      add(problem('agency_group', 'group_unknown', { group, year, allowed }));
      continue;
    }
    const sizes = known.sizes ?? [];
    if (size && !sizes.includes(size as AgencySize)) {
      add(problem('agency_size', 'size_unknown', { size, group, allowed: sizes.join(', ') }));
      continue;
    }
    if (!size && sizes.length) {
      add(problem('agency_size', 'size_missing', { group, allowed: sizes.join(', ') }));
      continue;
    }
    out.push({
      fiscalYear: year,
      agencyCode: v.code ?? '',
      group,
      size: size ? (size as AgencySize) : null,
    });
  }
  return issues.length ? err(issues) : ok(out);
}
