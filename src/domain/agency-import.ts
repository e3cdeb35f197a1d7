// Validates agency rows from agencies.csv against formats.md and the reference lists.
import { AGENCY_TYPE_CODES, isAgencyType, typeNeedsProvince, type Agency } from './agency.ts';
import { MAX_REPORTED_ISSUES, type ImportIssue } from './import-issue.ts';
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
        column: col,
        th: `ไม่รู้จักคอลัมน์ "${col}" (ใช้ได้: ${ALLOWED.join(', ')})`,
        en: `Unknown column "${col}" (allowed: ${ALLOWED.join(', ')})`,
      });
    }
  }
  for (const col of REQUIRED) {
    if (!header.includes(col))
      issues.push({
        line: 1,
        column: col,
        th: `ไม่มีคอลัมน์ที่จำเป็น "${col}"`,
        en: `Required column "${col}" is missing`,
      });
  }
  if (issues.length) return err(issues);

  const seen = new Map<string, number>();
  const agencies: Agency[] = [];
  const codesInFile = new Set(rows.map((r) => r.values.code ?? ''));
  for (const { line, values: v } of rows) {
    if (issues.length >= MAX_REPORTED_ISSUES) break;
    const add = (column: string, th: string, en: string) => issues.push({ line, column, th, en });
    const code = v.code ?? '';
    const nameTh = v.name_th ?? '';
    const type = v.type ?? '';
    if (!code) add('code', 'ต้องระบุรหัสหน่วยงาน', 'code is required');
    else if (!/^[\w.-]{1,40}$/.test(code))
      add(
        'code',
        `รหัส "${code}" ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข . _ - ไม่เกิน 40 ตัว`,
        `code "${code}" may hold only letters, digits, . _ - (at most 40)`,
      );
    else if (seen.has(code))
      add(
        'code',
        `รหัส "${code}" ซ้ำกับบรรทัด ${seen.get(code)}`,
        `code "${code}" repeats line ${seen.get(code)}`,
      );
    else seen.set(code, line);
    if (!nameTh) add('name_th', 'ต้องระบุชื่อภาษาไทย', 'name_th is required');
    // Names and the website are one-line fields, held to the same limit as in the forms.
    for (const col of ['name_th', 'name_en', 'website'] as const)
      if (longerThan(v[col] ?? '', TEXT_LIMITS.line))
        add(
          col,
          `${col} ยาวเกิน ${TEXT_LIMITS.line} ตัวอักษร`,
          `${col} is longer than ${TEXT_LIMITS.line} characters`,
        );
    if (!isAgencyType(type))
      add(
        'type',
        `ประเภท "${type}" ไม่ถูกต้อง (ใช้ได้: ${AGENCY_TYPE_CODES.join(', ')})`,
        `type "${type}" is not one of ${AGENCY_TYPE_CODES.join(', ')}`,
      );
    const province = v.province ?? '';
    const district = v.district ?? '';
    if (province && !ref.provinces.has(province))
      add(
        'province',
        `ไม่รู้จักจังหวัด "${province}" (ต้องเป็นหนึ่งใน 77 จังหวัด)`,
        `unknown province "${province}" (must be one of the 77)`,
      );
    if (!province && isAgencyType(type) && typeNeedsProvince(type))
      add('province', 'หน่วยงานประเภทนี้ต้องระบุจังหวัด', 'this agency type needs a province');
    if (district) {
      if (!province)
        add('district', 'ระบุอำเภอได้เมื่อระบุจังหวัดแล้วเท่านั้น', 'a district needs a province');
      else if (ref.provinces.has(province) && !ref.districtsOf(province)?.has(district))
        add(
          'district',
          `ไม่พบอำเภอ "${district}" ในจังหวัด${province}`,
          `no district "${district}" in ${province}`,
        );
    }
    const parent = v.parent_code ?? '';
    if (parent && parent === code)
      add('parent_code', 'หน่วยงานเป็นหน่วยงานแม่ของตัวเองไม่ได้', 'an agency cannot be its own parent');
    else if (parent && !codesInFile.has(parent) && !ref.existingCodes.has(parent))
      add('parent_code', `ไม่พบหน่วยงานแม่รหัส "${parent}"`, `no parent agency with code "${parent}"`);
    const website = v.website ?? '';
    if (website && !longerThan(website, TEXT_LIMITS.line) && !isHttpsUrl(website))
      add(
        'website',
        `เว็บไซต์ "${website}" ต้องขึ้นต้นด้วย https://`,
        `website "${website}" must be an https:// URL`,
      );
    const staff = v.staff_count ?? '';
    if (staff && !/^\d{1,7}$/.test(staff))
      add(
        'staff_count',
        `จำนวนบุคลากร "${staff}" ต้องเป็นจำนวนเต็มไม่ติดลบ`,
        `staff_count "${staff}" must be a whole number`,
      );
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
  if (rows.length === 0)
    issues.push({
      line: 1,
      column: null,
      th: 'ไฟล์ไม่มีข้อมูลหน่วยงาน',
      en: 'the file has no agency rows',
    });
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
    const add = (column: string, th: string, en: string) => issues.push({ line, column, th, en });
    const group = (v.agency_group ?? '').trim();
    const size = (v.agency_size ?? '').trim();
    const yearText = (v.fiscal_year ?? '').trim();
    if (!group && !size) continue;
    const year = Number(yearText);
    const groups = /^\d{4}$/.test(yearText) ? years.get(year) : undefined;
    if (!yearText) {
      add(
        'fiscal_year',
        'ระบุกลุ่มหน่วยงานต้องระบุปีงบประมาณด้วย',
        'a group needs the fiscal year it applies to',
      );
      continue;
    }
    if (!groups) {
      add(
        'fiscal_year',
        `ยังไม่ได้สร้างปีงบประมาณ "${yearText}"`,
        `fiscal year "${yearText}" has not been created`,
      );
      continue;
    }
    if (!group) {
      add('agency_group', 'ระบุขนาดต้องระบุกลุ่มหน่วยงานด้วย', 'a size needs its group');
      continue;
    }
    const known = groups.find((g) => g.code === group);
    if (!known) {
      const list = groups.map((g) => g.code).join(', ');
      add(
        'agency_group',
        list
          ? `กลุ่ม "${group}" ไม่มีในกรอบการประเมินปี ${year} (ใช้ได้: ${list})`
          : `กรอบการประเมินปี ${year} ไม่มีกลุ่มหน่วยงาน`,
        list
          ? `group "${group}" is not in the ${year} framework (allowed: ${list})`
          : `the ${year} framework has no agency groups`,
      );
      continue;
    }
    const sizes = known.sizes ?? [];
    if (size && !sizes.includes(size as AgencySize)) {
      add(
        'agency_size',
        sizes.length
          ? `ขนาด "${size}" ไม่มีในกลุ่ม ${group} (ใช้ได้: ${sizes.join(', ')})`
          : `กลุ่ม ${group} ไม่แบ่งตามขนาด ให้เว้นว่าง`,
        sizes.length
          ? `size "${size}" is not one of group ${group}'s (${sizes.join(', ')})`
          : `group ${group} has no sizes; leave agency_size empty`,
      );
      continue;
    }
    if (!size && sizes.length) {
      add(
        'agency_size',
        `กลุ่ม ${group} ต้องระบุขนาด (${sizes.join(', ')})`,
        `group ${group} needs a size (${sizes.join(', ')})`,
      );
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
